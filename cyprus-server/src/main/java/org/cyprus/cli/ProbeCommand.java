package org.cyprus.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.cyprus.media.Chapter;
import org.cyprus.media.MediaInfo;
import org.cyprus.media.TagKey;
import org.cyprus.media.probe.MediaProbe;
import org.cyprus.media.probe.ProbeResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cyprus probe [--json] FILE...}: what the media engine reads in each file. */
@Command(name = "probe", mixinStandardHelpOptions = true,
        description = {"Show what Cyprus reads in audio files: format, codec, exact duration, tags, chapters, cover.",
                "Exit status 0 when every file was read, 1 when any could not be."})
final class ProbeCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "One JSON object per file, one per line.")
    boolean json;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files to probe.")
    List<Path> files;

    @Override
    public Integer call() throws JsonProcessingException {
        PrintWriter out = spec.commandLine().getOut();
        int status = 0;
        for (Path file : files) {
            ProbeResult result = MediaProbe.probe(file);
            Map<String, Object> report = report(file, result);
            if (result instanceof ProbeResult.Failed) {
                status = 1;
            }
            out.println(json ? JSON.writeValueAsString(report) : JSON.writerWithDefaultPrettyPrinter().writeValueAsString(report));
        }
        out.flush();
        return status;
    }

    /** The report of one file, in the documented JSON shape. */
    static Map<String, Object> report(Path file, ProbeResult result) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("path", file.toString());
        switch (result) {
            case ProbeResult.Failed failed -> report.put("error", Map.of("code", failed.error().code(), "message", failed.message()));
            case ProbeResult.Probed probed -> {
                MediaInfo info = probed.info();
                report.put("format", info.format().id());
                report.put("codec", info.codec().id());
                report.put("codecDetail", info.codecDetail());
                report.put("sampleRateHz", info.sampleRateHz());
                report.put("channels", info.channels());
                report.put("bitrateBps", info.bitrateBps());
                report.put("durationSeconds", seconds(info.durationUs()));
                report.put("gaplessDurationSeconds", seconds(info.gaplessDurationUs()));
                report.put("tags", tags(info));
                report.put("chapters", info.chapters().stream().map(ProbeCommand::chapter).toList());
                report.put("cover", info.cover().<Object>map(c -> Map.of("mimeType", c.mimeType(), "sizeBytes", c.sizeBytes())).orElse(null));
                report.put("warnings", info.warnings());
            }
        }
        return report;
    }

    private static Map<String, Object> tags(MediaInfo info) {
        Map<String, Object> tags = new LinkedHashMap<>();
        for (TagKey key : TagKey.values()) {
            List<String> values = info.tags().all(key);
            if (values.isEmpty()) {
                continue;
            }
            if (key.numeric() && info.tags().number(key).isPresent()) {
                tags.put(key.jsonName(), info.tags().number(key).getAsInt());
            } else {
                tags.put(key.jsonName(), String.join("; ", values));
            }
        }
        return tags;
    }

    private static Map<String, Object> chapter(Chapter c) {
        Map<String, Object> chapter = new LinkedHashMap<>();
        chapter.put("title", c.title());
        chapter.put("startSeconds", seconds(c.startUs()));
        chapter.put("endSeconds", seconds(c.endUs()));
        return chapter;
    }

    private static double seconds(long us) {
        return us / 1e6;
    }
}
