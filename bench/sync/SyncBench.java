import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Listening sync benchmark (see ../README.md): DEVICES devices (USERS accounts, DEVICES/USERS devices each) connected by
 * WebSocket, each sending a progress tick every 5 s plus bursts, measuring how long one device's update takes to reach
 * its sibling devices; then durable updates per second over HTTP from concurrent clients; then PUT latency at a paced
 * 200 updates/s.
 *
 * Usage: java SyncBench.java BASE ADMIN_TOKEN PASSWORD BOOK_ID DEVICES USERS SECONDS
 */
public final class SyncBench {
    private static final Pattern VERSION = Pattern.compile("\"version\":(\\d+)");
    private static final Pattern POSITION = Pattern.compile("\"positionSec\":([0-9.]+)");
    private static final Pattern RESULT = Pattern.compile("\"requestId\":(\\d+),\"result\":\\{\"bookId\":\"[^\"]*\",\"result\":\"(\\w+)\"");
    private static final Pattern TOKEN = Pattern.compile("\"accessToken\":\"([^\"]+)\"");

    record Device(int user, String token, AtomicLong seq, AtomicLong version) {
    }

    static final HttpClient http = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor()).build();

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        String admin = args[1];
        String password = args[2];
        String book = args[3];
        int deviceCount = Integer.parseInt(args[4]);
        int userCount = Integer.parseInt(args[5]);
        int seconds = Integer.parseInt(args[6]);
        serverPid = Long.parseLong(args[7]);
        System.out.printf("wake-ups (the machine's cost of handing work between threads): two threads waking each other in turn, "
                + "on the two cores: %s; on one core: %s%n", wakeUps(0, 1), wakeUps(0, 0));
        long t0 = System.nanoTime();
        List<Device> devices = signIn(base, admin, password, deviceCount, userCount);
        System.out.printf("%d devices of %d accounts signed in (%d s)%n", devices.size(), userCount, (System.nanoTime() - t0) / 1_000_000_000);
        propagation(base, book, devices, userCount, seconds);
        throughput(base, book, devices, userCount, Math.max(10, seconds / 3));
        latency(base, book, devices, userCount, 200, Math.max(10, seconds / 3));
        System.exit(0);
    }

    /**
     * Two platform threads pinned to {@code cpuA} and {@code cpuB} wake each other in turn (park/unpark): wall and CPU
     * time per round trip. Every hand-off of a request between threads costs such a wake-up; on a virtualised machine
     * one across cores can cost tens of microseconds of CPU, which the results depend on.
     */
    static String wakeUps(int cpuA, int cpuB) throws InterruptedException {
        int rounds = 20_000;
        var mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long[] cpuNs = new long[2];
        Thread[] t = new Thread[2];
        AtomicInteger turn = new AtomicInteger();
        boolean[] pinned = new boolean[2];
        for (int side = 0; side < 2; side++) {
            int me = side;
            int cpu = side == 0 ? cpuA : cpuB;
            t[side] = Thread.ofPlatform().unstarted(() -> {
                pinned[me] = pin(cpu);
                long c0 = mx.getCurrentThreadCpuTime();
                for (int i = 0; i < rounds; i++) {
                    while (turn.get() != me) {
                        LockSupport.park();
                    }
                    turn.set(1 - me);
                    LockSupport.unpark(t[1 - me]);
                }
                cpuNs[me] = mx.getCurrentThreadCpuTime() - c0;
            });
        }
        long start = System.nanoTime();
        t[0].start();
        t[1].start();
        t[0].join();
        t[1].join();
        long wallNs = System.nanoTime() - start;
        return String.format("%.0f µs per round trip, %.0f µs of CPU%s", wallNs / 1e3 / rounds, (cpuNs[0] + cpuNs[1]) / 1e3 / rounds,
                pinned[0] && pinned[1] ? "" : " (threads not pinned)");
    }

    /** Pins the calling thread to one CPU (Linux sched_setaffinity, through the FFM API); false where it cannot. */
    static boolean pin(int cpu) {
        try {
            Linker linker = Linker.nativeLinker();
            MethodHandle setAffinity = linker.downcallHandle(linker.defaultLookup().find("sched_setaffinity").orElseThrow(),
                    FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT,
                            ValueLayout.JAVA_LONG, ValueLayout.ADDRESS));
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment mask = arena.allocate(128);
                mask.set(ValueLayout.JAVA_LONG, (cpu / 64) * 8L, 1L << (cpu % 64));
                return (int) setAffinity.invokeExact(0, 128L, mask) == 0;
            }
        } catch (Throwable e) {
            return false;
        }
    }

    static List<Device> signIn(URI base, String admin, String password, int deviceCount, int userCount) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<CompletableFuture<Void>> made = new ArrayList<>();
        for (int u = 0; u < userCount; u++) {
            int user = u;
            made.add(CompletableFuture.runAsync(() -> post(base, "/api/v1/users", admin, "{\"username\":\"bench" + user
                    + "\",\"password\":\"" + password + "\",\"role\":\"user\",\"libraries\":\"all\"}"), pool));
        }
        made.forEach(CompletableFuture::join);
        List<CompletableFuture<Device>> signed = new ArrayList<>();
        for (int i = 0; i < deviceCount; i++) {
            int user = i % userCount;
            int n = i;
            signed.add(CompletableFuture.supplyAsync(() -> {
                String body = post(base, "/api/v1/auth/login", null, "{\"username\":\"bench" + user + "\",\"password\":\"" + password
                        + "\",\"deviceName\":\"Bench device " + n + "\"}");
                Matcher m = TOKEN.matcher(body);
                if (!m.find()) {
                    throw new IllegalStateException("sign-in failed: " + body);
                }
                return new Device(user, m.group(1), new AtomicLong(), new AtomicLong());
            }, pool));
        }
        List<Device> out = signed.stream().map(CompletableFuture::join).toList();
        pool.shutdown();
        return out;
    }

    /** Ticks every 5 s per device over the WebSocket, bursts of 10 ticks from 5% of devices every 10 s. */
    static void propagation(URI base, String book, List<Device> devices, int userCount, int seconds) throws Exception {
        // Per account, every tick sent: its tick number -> {send time, sending device, 1 if part of a burst}.
        List<java.util.concurrent.ConcurrentSkipListMap<Long, long[]>> ticksSent = new ArrayList<>();
        for (int u = 0; u < userCount; u++) {
            ticksSent.add(new java.util.concurrent.ConcurrentSkipListMap<>());
        }
        // Per receiving device, the last tick of its account it has seen.
        Map<Long, Long> lastTickSeen = new ConcurrentHashMap<>();
        List<Long> latenciesNs = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Long> burstLatenciesNs = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicLongArray positions = new AtomicLongArray(userCount);
        // Ticks sent before this (the unmeasured warm-up) are not counted.
        AtomicLong measuredFromNs = new AtomicLong(Long.MAX_VALUE);
        Sockets.Socket[] sockets = new Sockets.Socket[devices.size()];
        CountDownLatch hello = new CountDownLatch(devices.size());
        URI ws = URI.create("ws://" + base.getAuthority() + "/api/v1/ws");
        Semaphore connecting = new Semaphore(64);
        Sockets readers = new Sockets(2);
        for (int i = 0; i < devices.size(); i++) {
            Device d = devices.get(i);
            int idx = i;
            connecting.acquire();
            sockets[i] = readers.open(ws, text -> {
                long now = System.nanoTime();
                Matcher v = VERSION.matcher(text);
                if (v.find()) {
                    d.version().accumulateAndGet(Long.parseLong(v.group(1)), Math::max);
                }
                if (text.startsWith("{\"type\":\"hello\"")) {
                    connecting.release();
                    hello.countDown();
                } else if (text.startsWith("{\"type\":\"result\"")) {
                    // A tick refused (another device moved the book since its base version) moves nothing and is not
                    // propagated: it is not waited for.
                    Matcher r = RESULT.matcher(text);
                    if (r.find() && !r.group(2).equals("moved")) {
                        ticksSent.get(d.user()).remove(Long.parseLong(r.group(1)));
                    }
                } else if (text.startsWith("{\"type\":\"position\"")) {
                    Matcher p = POSITION.matcher(text);
                    if (p.find()) {
                        // The server pushes a book's latest position, not each one a later move replaced: a sibling
                        // that sees tick n has every earlier tick of its account that moved the book, and each of
                        // those (sent by another device) arrived now.
                        long tick = Math.round(Double.parseDouble(p.group(1)) * 1000);
                        synchronized (lastTickSeen) {
                            long from = lastTickSeen.getOrDefault((long) idx, 0L);
                            // Two devices' changes pushed at once from two threads may arrive in either order; the
                            // older one carries nothing new (clients keep the higher version).
                            for (long[] t : ticksSent.get(d.user()).subMap(from, false, Math.max(from, tick), true).values()) {
                                if (t[1] != idx && t[0] >= measuredFromNs.get()) {
                                    latenciesNs.add(now - t[0]);
                                    if (t[2] == 1) {
                                        burstLatenciesNs.add(now - t[0]);
                                    }
                                }
                            }
                            lastTickSeen.put((long) idx, Math.max(from, tick));
                        }
                    }
                }
            });
            sockets[i].sendText("{\"type\":\"auth\",\"token\":\"" + d.token() + "\"}");
        }
        if (!hello.await(120, TimeUnit.SECONDS)) {
            throw new IllegalStateException("not every device was greeted");
        }
        System.out.printf("%d WebSockets connected%n", devices.size());
        for (int i = 0; i < devices.size(); i++) {
            send(sockets[i], devices.get(i), book, "play", "0", 0);
        }
        Thread.sleep(2000);
        ScheduledTicks ticks = new ScheduledTicks();
        Random random = new Random(1);
        AtomicLong sent = new AtomicLong();
        for (int i = 0; i < devices.size(); i++) {
            int n = i;
            long offsetMs = random.nextInt(5000);
            ticks.every(offsetMs, 5000, () -> {
                Device d = devices.get(n);
                long tick = positions.incrementAndGet(d.user());
                ticksSent.get(d.user()).put(tick, new long[] {System.nanoTime(), n, 0});
                send(sockets[n], d, book, "progress", position(tick), tick);
                count(sent, measuredFromNs);
            });
        }
        ticks.every(1000, 10_000, () -> {
            for (int k = 0; k < devices.size() / 20; k++) {
                int n = random.nextInt(devices.size());
                Device d = devices.get(n);
                for (int j = 0; j < 10; j++) {
                    long tick = positions.incrementAndGet(d.user());
                    ticksSent.get(d.user()).put(tick, new long[] {System.nanoTime(), n, 1});
                    send(sockets[n], d, book, "progress", position(tick), tick);
                    count(sent, measuredFromNs);
                }
            }
        });
        // The same load unmeasured first, for as long: the server's JIT compiles the path meanwhile (measured cold, the
        // C2 compiler took half the server's CPU during the bursts of the first minute).
        Thread.sleep(seconds * 1000L);
        measuredFromNs.set(System.nanoTime());
        long serverCpu = serverCpuTicks();
        long clientCpu = cpuTicks(ProcessHandle.current().pid());
        Thread.sleep(seconds * 1000L);
        serverCpu = serverCpuTicks() - serverCpu;
        clientCpu = cpuTicks(ProcessHandle.current().pid()) - clientCpu;
        ticks.close();
        Thread.sleep(1000);
        long[] ns;
        synchronized (latenciesNs) {
            ns = latenciesNs.stream().mapToLong(Long::longValue).sorted().toArray();
        }
        long[] burstNs;
        synchronized (burstLatenciesNs) {
            burstNs = burstLatenciesNs.stream().mapToLong(Long::longValue).sorted().toArray();
        }
        System.out.printf("propagation over %d s (after as long unmeasured): %d updates sent (%.0f/s), %d arrivals at sibling devices (a tick arrives with the first push of its position or a later one); sender's send to sibling's receipt: p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                seconds, sent.get(), sent.get() / (double) seconds, ns.length, pct(ns, 50), pct(ns, 99), ns.length == 0 ? 0 : ns[ns.length - 1] / 1e6);
        System.out.printf("  of which the bursts' (%d arrivals of ticks sent %d at once): p50 %.2f ms, p99 %.2f ms; the steady ticks' (%d): p50 %.2f ms, p99 %.2f ms%n",
                burstNs.length, devices.size() / 20 * 10, pct(burstNs, 50), pct(burstNs, 99), ns.length - burstNs.length, pct(steady(ns, burstNs), 50), pct(steady(ns, burstNs), 99));
        System.out.printf("  CPU over the measured window: server %.1f s, load generator %.1f s (of %d s on %d cores)%n", serverCpu / 100.0,
                clientCpu / 100.0, seconds, Runtime.getRuntime().availableProcessors());
    }

    /** Counts a tick sent in the measured window. */
    static void count(AtomicLong sent, AtomicLong measuredFromNs) {
        if (System.nanoTime() >= measuredFromNs.get()) {
            sent.incrementAndGet();
        }
    }

    /** The sorted latencies of {@code all} less those of {@code burst} (both sorted). */
    static long[] steady(long[] all, long[] burst) {
        List<Long> rest = new ArrayList<>();
        int j = 0;
        for (long x : all) {
            if (j < burst.length && burst[j] == x) {
                j++;
            } else {
                rest.add(x);
            }
        }
        return rest.stream().mapToLong(Long::longValue).toArray();
    }

    /** Tick n of an account, a millisecond of book time each (the sample books are seconds long), as the server prints it. */
    static String position(long n) {
        return Double.toString(n / 1000.0);
    }

    static void send(Sockets.Socket socket, Device d, String book, String action, String positionSec, long requestId) {
        String text = "{\"type\":\"event\",\"requestId\":" + requestId + ",\"bookId\":\"" + book + "\",\"action\":\"" + action + "\",\"positionSec\":" + positionSec
                + ",\"seq\":" + d.seq().incrementAndGet() + ",\"baseVersion\":" + d.version().get() + "}";
        socket.sendText(text);
    }

    /** Durable updates per second: CLIENTS concurrent HTTP clients, each a device of its own account, sending seeks back to back. */
    static long serverPid;

    /** The server's CPU time so far (utime + stime, clock ticks of 10 ms), from /proc. */
    static long serverCpuTicks() throws IOException {
        return cpuTicks(serverPid);
    }

    /** A process's CPU time so far (utime + stime, clock ticks of 10 ms), from /proc. */
    static long cpuTicks(long pid) throws IOException {
        String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    static void throughput(URI base, String book, List<Device> devices, int userCount, int seconds) throws Exception {
        int clients = Math.min(userCount, 128);
        backToBack(base, book, devices, clients, seconds, new AtomicLong());   // unmeasured: the server's JIT warms up
        long cpuBefore = serverCpuTicks();
        long clientCpuBefore = cpuTicks(ProcessHandle.current().pid());
        AtomicLong done = new AtomicLong();
        backToBack(base, book, devices, clients, seconds, done);
        long cpuTicks = serverCpuTicks() - cpuBefore;
        long clientTicks = cpuTicks(ProcessHandle.current().pid()) - clientCpuBefore;
        System.out.printf("durable updates: %d clients back to back for %d s (after as long unmeasured): %.0f updates/s acknowledged; "
                + "CPU per update: server %.0f µs, load generator %.0f µs%n", clients, seconds, done.get() / (double) seconds,
                cpuTicks * 10_000.0 / Math.max(1, done.get()), clientTicks * 10_000.0 / Math.max(1, done.get()));
    }

    static void backToBack(URI base, String book, List<Device> devices, int clients, int seconds, AtomicLong done) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Device d = devices.get(c);
            threads.add(Thread.ofPlatform().start(() -> {
                Random r = new Random(d.user());
                try (Connection connection = new Connection(base)) {
                    while (System.nanoTime() < end) {
                        int status = put(connection, book, d, "seek", r.nextInt(60));
                        if (status == 200 || status == 409) {
                            done.incrementAndGet();
                        }
                    }
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
    }

    /**
     * PUT latency at a paced rate, open loop: request i is due at start + i/rate, from the device of account
     * i mod USERS; each account's requests go out in order on a thread of its own, the next one when it is due or,
     * if the previous answer came late, at once.
     */
    static void latency(URI base, String book, List<Device> devices, int userCount, int perSecond, int seconds) throws Exception {
        int total = perSecond * seconds;
        long[] ns = new long[total];
        long start = System.nanoTime() + 100_000_000L;
        long intervalNs = 1_000_000_000L / perSecond;
        List<Thread> threads = new ArrayList<>();
        for (int u = 0; u < Math.min(userCount, total); u++) {
            int first = u;
            Device d = devices.get(u);
            threads.add(Thread.ofPlatform().start(() -> {
                try (Connection connection = new Connection(base)) {
                    for (int n = first; n < total; n += userCount) {
                        long wait = start + n * intervalNs - System.nanoTime();
                        if (wait > 0) {
                            LockSupport.parkNanos(wait);
                        }
                        long t = System.nanoTime();
                        put(connection, book, d, "seek", n % 60);
                        ns[n] = System.nanoTime() - t;
                    }
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        Arrays.sort(ns);
        System.out.printf("PUT latency at %d updates/s for %d s: p50 %.2f ms, p99 %.2f ms, max %.2f ms%n", perSecond, seconds,
                pct(ns, 50), pct(ns, 99), ns[ns.length - 1] / 1e6);
    }

    static int put(Connection connection, String book, Device d, String action, long positionSec) {
        String body = "{\"action\":\"" + action + "\",\"positionSec\":" + positionSec + ",\"seq\":" + d.seq().incrementAndGet()
                + ",\"baseVersion\":" + d.version().get() + "}";
        try {
            Connection.Answer a = connection.exchange("PUT", "/api/v1/me/progress/" + book, d.token(), body);
            Matcher v = VERSION.matcher(a.body());
            if (v.find()) {
                d.version().accumulateAndGet(Long.parseLong(v.group(1)), Math::max);
            }
            return a.status();
        } catch (IOException | RuntimeException e) {
            connection.close();
            return -1;
        }
    }

    static String post(URI base, String path, String token, String body) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static double pct(long[] sortedNs, int p) {
        if (sortedNs.length == 0) {
            return 0;
        }
        return sortedNs[Math.min(sortedNs.length - 1, (int) Math.ceil(sortedNs.length * p / 100.0) - 1)] / 1e6;
    }

    /**
     * A keep-alive HTTP/1.1 connection over a blocking socket, for the measured PUTs. The JDK's HttpClient hands each
     * request and answer between the caller and its selector thread; on a virtualised two-core machine, where waking
     * a thread on the other core is dear, that made the load generator spend as much CPU per update as the server.
     */
    static final class Connection implements AutoCloseable {
        record Answer(int status, String body) {
        }

        private final String host;
        private final int port;
        private Socket socket;
        private InputStream in;
        private OutputStream out;

        Connection(URI base) {
            this.host = base.getHost();
            this.port = base.getPort();
        }

        Answer exchange(String method, String path, String token, String body) throws IOException {
            if (socket == null) {
                socket = new Socket(host, port);
                socket.setTcpNoDelay(true);
                in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
                out = socket.getOutputStream();
            }
            byte[] payload = body.getBytes(StandardCharsets.UTF_8);
            String head = method + " " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + payload.length + "\r\n\r\n";
            byte[] request = Arrays.copyOf(head.getBytes(StandardCharsets.ISO_8859_1), head.length() + payload.length);
            System.arraycopy(payload, 0, request, head.length(), payload.length);
            out.write(request);
            String status = line();
            if (!status.startsWith("HTTP/1.1 ")) {
                throw new IOException("not an HTTP/1.1 answer: " + status);
            }
            long length = -1;
            boolean chunked = false;
            boolean closing = false;
            for (String h = line(); !h.isEmpty(); h = line()) {
                int colon = h.indexOf(':');
                String name = h.substring(0, Math.max(0, colon)).trim().toLowerCase(Locale.ROOT);
                String value = h.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
                switch (name) {
                    case "content-length" -> length = Long.parseLong(value);
                    case "transfer-encoding" -> chunked = value.contains("chunked");
                    case "connection" -> closing = value.contains("close");
                    default -> { }
                }
            }
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            if (chunked) {
                for (int size = Integer.parseInt(line().split(";")[0].trim(), 16); size > 0; size = Integer.parseInt(line().split(";")[0].trim(), 16)) {
                    answer.write(in.readNBytes(size));
                    line();
                }
                while (!line().isEmpty()) {
                    // trailers
                }
            } else if (length > 0) {
                answer.write(in.readNBytes((int) length));
            }
            if (closing) {
                close();
            }
            return new Answer(Integer.parseInt(status.substring(9, 12)), answer.toString(StandardCharsets.UTF_8));
        }

        private String line() throws IOException {
            StringBuilder b = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new EOFException("the server closed the connection");
                }
                if (c != '\r') {
                    b.append((char) c);
                }
            }
            return b.toString();
        }

        @Override
        public void close() {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closed
                }
                socket = null;
            }
        }
    }

    /**
     * WebSocket client connections (RFC 6455) read by a few selector threads, each a thread of its own for many
     * sockets, and written by the thread that sends: a frame goes out in one write on the sender's thread, and an
     * arriving one is handled on the thread that read it. The JDK's WebSocket hands every message between the caller
     * and its client's threads; with the load generator sharing the server's two cores, those wake-ups took more CPU
     * than the server spent on the updates.
     */
    static final class Sockets {
        private static final String ACCEPT_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
        /** Largest message taken from the server; the benchmark's are under a kilobyte. */
        private static final int MAX_MESSAGE = 1 << 20;

        interface Listener {
            void onText(String text);
        }

        private final Reader[] readers;
        private int next;

        Sockets(int threads) throws IOException {
            readers = new Reader[threads];
            for (int i = 0; i < threads; i++) {
                readers[i] = new Reader();
                Thread.ofPlatform().daemon().name("ws-reader-" + i).start(readers[i]);
            }
        }

        /** Connects, upgrades (blocking) and hands the socket to a reader thread. */
        Socket open(URI uri, Listener listener) throws IOException {
            java.nio.channels.SocketChannel channel = java.nio.channels.SocketChannel.open(
                    new java.net.InetSocketAddress(uri.getHost(), uri.getPort()));
            channel.setOption(java.net.StandardSocketOptions.TCP_NODELAY, true);
            byte[] nonce = new byte[16];
            java.util.concurrent.ThreadLocalRandom.current().nextBytes(nonce);
            String key = java.util.Base64.getEncoder().encodeToString(nonce);
            String request = "GET " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                    + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: " + key
                    + "\r\nSec-WebSocket-Version: 13\r\n\r\n";
            java.nio.ByteBuffer out = java.nio.ByteBuffer.wrap(request.getBytes(StandardCharsets.ISO_8859_1));
            while (out.hasRemaining()) {
                channel.write(out);
            }
            java.nio.ByteBuffer in = java.nio.ByteBuffer.allocate(64 * 1024);
            int end;
            while ((end = headEnd(in)) < 0) {
                if (!in.hasRemaining() || channel.read(in) < 0) {
                    throw new IOException("no WebSocket upgrade answer");
                }
            }
            String head = new String(in.array(), 0, end, StandardCharsets.ISO_8859_1);
            String accept;
            try {
                accept = java.util.Base64.getEncoder().encodeToString(java.security.MessageDigest.getInstance("SHA-1")
                        .digest((key + ACCEPT_GUID).getBytes(StandardCharsets.ISO_8859_1)));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            if (!head.startsWith("HTTP/1.1 101") || !head.toLowerCase(Locale.ROOT).contains("sec-websocket-accept: " + accept.toLowerCase(Locale.ROOT))) {
                throw new IOException("WebSocket upgrade refused: " + head.lines().findFirst().orElse(""));
            }
            // What came after the head is the first frames: it stays in the buffer, ahead of what is read next.
            in.flip().position(end);
            in.compact();
            channel.configureBlocking(false);
            Socket socket = new Socket(channel, listener, in);
            readers[Math.floorMod(next++, readers.length)].add(socket);
            return socket;
        }

        /** The offset just past the blank line ending an HTTP head in {@code in}'s filled part, or -1. */
        private static int headEnd(java.nio.ByteBuffer in) {
            byte[] b = in.array();
            for (int i = 3; i < in.position(); i++) {
                if (b[i - 3] == '\r' && b[i - 2] == '\n' && b[i - 1] == '\r' && b[i] == '\n') {
                    return i + 1;
                }
            }
            return -1;
        }

        /** One selector thread reading its sockets and handing each whole text message to the socket's listener. */
        private static final class Reader implements Runnable {
            private final java.nio.channels.Selector selector;
            private final java.util.Queue<Socket> joining = new java.util.concurrent.ConcurrentLinkedQueue<>();

            Reader() throws IOException {
                selector = java.nio.channels.Selector.open();
            }

            void add(Socket socket) {
                joining.add(socket);
                selector.wakeup();
            }

            @Override
            public void run() {
                while (true) {
                    try {
                        selector.select();
                        for (Socket s = joining.poll(); s != null; s = joining.poll()) {
                            s.serve(s.channel.register(selector, java.nio.channels.SelectionKey.OP_READ, s), false);
                        }
                    } catch (IOException e) {
                        System.err.println("WebSocket reader failed: " + e);
                        return;
                    }
                    for (var it = selector.selectedKeys().iterator(); it.hasNext(); ) {
                        var key = it.next();
                        it.remove();
                        ((Socket) key.attachment()).serve(key, true);
                    }
                }
            }
        }

        static final class Socket {
            private final java.nio.channels.SocketChannel channel;
            private final Listener listener;
            private java.nio.ByteBuffer in;
            /** A fragmented message's parts so far (RFC 6455 section 5.4). */
            private final ByteArrayOutputStream message = new ByteArrayOutputStream();

            Socket(java.nio.channels.SocketChannel channel, Listener listener, java.nio.ByteBuffer in) {
                this.channel = channel;
                this.listener = listener;
                this.in = in;
            }

            void sendText(String text) {
                send(0x1, text.getBytes(StandardCharsets.UTF_8));
            }

            /**
             * Writes one final frame, masked as a client's must be (RFC 6455 section 5.3), on the calling thread. A
             * frame this small fits in the socket's send buffer unless the server stopped reading; then it waits a little.
             */
            synchronized void send(int opcode, byte[] payload) {
                int n = payload.length;
                int header = n < 126 ? 2 : n < 65536 ? 4 : 10;
                java.nio.ByteBuffer frame = java.nio.ByteBuffer.allocate(header + 4 + n);
                frame.put((byte) (0x80 | opcode));
                if (n < 126) {
                    frame.put((byte) (0x80 | n));
                } else if (n < 65536) {
                    frame.put((byte) (0x80 | 126)).putShort((short) n);
                } else {
                    frame.put((byte) (0x80 | 127)).putLong(n);
                }
                int mask = java.util.concurrent.ThreadLocalRandom.current().nextInt();
                frame.putInt(mask);
                for (int i = 0; i < n; i++) {
                    frame.put((byte) (payload[i] ^ (mask >>> (24 - 8 * (i & 3)))));
                }
                frame.flip();
                long deadline = System.nanoTime() + 10_000_000_000L;
                try {
                    while (frame.hasRemaining()) {
                        if (channel.write(frame) == 0) {
                            if (System.nanoTime() > deadline) {
                                throw new IOException("the server has not read for 10 s");
                            }
                            LockSupport.parkNanos(50_000);
                        }
                    }
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }

            /**
             * Reads what arrived ({@code read}) and handles every whole frame in the buffer. A connection that ends or
             * breaks the protocol is closed and leaves its reader; the others go on.
             */
            void serve(java.nio.channels.SelectionKey key, boolean read) {
                try {
                    if ((read && channel.read(in) < 0) || !frames()) {
                        key.cancel();
                        channel.close();
                    }
                } catch (IOException | java.io.UncheckedIOException e) {
                    System.err.println("WebSocket connection closed: " + e);
                    key.cancel();
                    try {
                        channel.close();
                    } catch (IOException ignored) {
                        // closed
                    }
                }
            }

            /** Handles the whole frames in the buffer (RFC 6455 section 5.2); false after a close frame. */
            private boolean frames() throws IOException {
                in.flip();
                try {
                    while (in.remaining() >= 2) {
                        int start = in.position();
                        int b0 = in.get(start) & 0xff;
                        int b1 = in.get(start + 1) & 0xff;
                        int header = 2;
                        long length = b1 & 0x7f;
                        if (length == 126) {
                            header = 4;
                        } else if (length == 127) {
                            header = 10;
                        }
                        if (in.remaining() < header) {
                            break;
                        }
                        if (header == 4) {
                            length = in.getShort(start + 2) & 0xffff;
                        } else if (header == 10) {
                            length = in.getLong(start + 2);
                        }
                        if ((b1 & 0x80) != 0 || length < 0 || length + message.size() > MAX_MESSAGE) {
                            throw new IOException("a frame no server sends: masked or " + length + " bytes");
                        }
                        if (in.remaining() < header + length) {
                            if (header + length > in.capacity()) {
                                java.nio.ByteBuffer bigger = java.nio.ByteBuffer.allocate((int) (header + length));
                                bigger.put(in);
                                in = bigger.flip();
                            }
                            break;
                        }
                        byte[] payload = new byte[(int) length];
                        in.position(start + header);
                        in.get(payload);
                        switch (b0 & 0x0f) {
                            case 0x0, 0x1 -> {
                                message.write(payload);
                                if ((b0 & 0x80) != 0) {
                                    String text = message.toString(StandardCharsets.UTF_8);
                                    message.reset();
                                    listener.onText(text);
                                }
                            }
                            case 0x8 -> {
                                send(0x8, payload.length >= 2 ? Arrays.copyOf(payload, 2) : new byte[0]);
                                return false;
                            }
                            case 0x9 -> send(0xA, payload);
                            default -> { } // pong, binary: nothing the benchmark uses
                        }
                    }
                } finally {
                    in.compact();
                }
                return true;
            }
        }
    }

    /** Periodic tasks on a few platform threads. */
    static final class ScheduledTicks implements AutoCloseable {
        private final java.util.concurrent.ScheduledExecutorService timer = Executors.newScheduledThreadPool(4);

        void every(long initialMs, long periodMs, Runnable task) {
            timer.scheduleAtFixedRate(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    System.err.println("tick failed: " + e);
                }
            }, initialMs, periodMs, TimeUnit.MILLISECONDS);
        }

        @Override
        public void close() {
            timer.shutdownNow();
        }
    }
}
