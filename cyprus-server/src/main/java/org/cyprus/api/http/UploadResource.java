package org.cyprus.api.http;

import io.javalin.http.Context;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cyprus.library.upload.IncomingFile;
import org.cyprus.library.upload.UploadRequest;
import org.cyprus.library.upload.UploadResult;
import org.cyprus.library.upload.Uploads;

/**
 * {@code POST /api/v1/libraries/{id}/uploads}: a multipart upload of one book. File parts carry the files; optional
 * text parts {@code author}, {@code title}, {@code folder}, and one {@code path} per file (in order) giving its path
 * inside the book when the file name alone does not (folder uploads). Parts stream to disk, never into memory.
 */
final class UploadResource {
    private static final String MULTIPART_CONFIG = "org.eclipse.jetty.multipartConfig";
    private static final int FIELD_MAX_BYTES = 4096;

    private final Uploads uploads;
    private final Path incoming;

    UploadResource(Uploads uploads, Path incoming) {
        this.uploads = uploads;
        this.incoming = incoming;
    }

    void upload(Context ctx) throws IOException {
        long libraryId = QueryParams.pathId(ctx, "id");
        String contentType = ctx.contentType();
        if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data")) {
            throw new ApiException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Send the files as multipart/form-data.");
        }
        Files.createDirectories(incoming);
        ctx.req().setAttribute(MULTIPART_CONFIG, new MultipartConfigElement(incoming.toString(),
                uploads.limits().maxFileBytes(), uploads.limits().maxTotalBytes(), 64 * 1024));
        Collection<Part> parts;
        try {
            parts = ctx.req().getParts();
        } catch (IllegalStateException e) {
            throw new ApiException(ErrorCode.PAYLOAD_TOO_LARGE, "The upload is larger than this server accepts: " + e.getMessage());
        } catch (ServletException | IOException e) {
            throw ApiException.badRequest("The multipart body cannot be read: " + rootMessage(e));
        }
        Map<String, List<String>> fields = new LinkedHashMap<>();
        List<Part> fileParts = new ArrayList<>();
        for (Part part : parts) {
            if (part.getSubmittedFileName() != null) {
                fileParts.add(part);
            } else {
                if (part.getSize() > FIELD_MAX_BYTES) {
                    throw ApiException.badRequest("The field '" + part.getName() + "' is longer than " + FIELD_MAX_BYTES + " bytes.");
                }
                try (var in = part.getInputStream()) {
                    fields.computeIfAbsent(part.getName(), k -> new ArrayList<>()).add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        List<String> paths = fields.getOrDefault("path", List.of());
        if (!paths.isEmpty() && paths.size() != fileParts.size()) {
            throw ApiException.badRequest("Give one 'path' per file, or none.");
        }
        List<IncomingFile> files = new ArrayList<>();
        for (int i = 0; i < fileParts.size(); i++) {
            Part part = fileParts.get(i);
            String path = paths.isEmpty() ? part.getSubmittedFileName() : paths.get(i);
            files.add(new IncomingFile(path, part.getSize(), target -> part.write(target.toAbsolutePath().toString())));
        }
        UploadResult result = uploads.receive(libraryId, new UploadRequest(first(fields, "author"), first(fields, "title"),
                first(fields, "folder"), files));
        List<Map<String, Object>> verdicts = result.files().stream().map(v -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("path", v.path());
            m.put("accepted", v.accepted());
            m.put("kind", v.kind().isEmpty() ? null : v.kind());
            m.put("reason", v.reason().isEmpty() ? null : v.reason());
            return m;
        }).toList();
        switch (result) {
            case UploadResult.Accepted accepted -> {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("folder", accepted.folder());
                body.put("bookId", accepted.bookId().orElse(null));
                body.put("files", verdicts);
                ctx.status(201).json(body);
            }
            case UploadResult.Rejected rejected -> {
                ErrorCode code = rejected.conflict() ? ErrorCode.CONFLICT : ErrorCode.UNPROCESSABLE;
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("error", Map.of("code", code.code(), "message", "The upload was refused: " + rejected.reason() + "."));
                body.put("files", verdicts);
                ctx.status(code.status()).json(body);
            }
        }
    }

    private static Optional<String> first(Map<String, List<String>> fields, String name) {
        return fields.getOrDefault(name, List.of()).stream().map(String::strip).filter(s -> !s.isEmpty()).findFirst();
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage());
    }
}
