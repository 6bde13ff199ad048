package io.jenkins.plugins.platformpassword.client.transport;

import io.jenkins.plugins.platformpassword.client.tokens.TokenCache;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The controller's connections to platforms: one long-lived transport per distinct set of
 * connection settings (data center, proxy, connect timeout, trust), shared by every client with
 * those settings, so that a build after the first reuses an open connection instead of paying
 * for new TCP and TLS handshakes. Nothing that identifies a caller lives here: tokens stay in the
 * {@link TokenCache}, keyed by API client, and credentials travel with each request.
 *
 * <p>A transport is closed when it has been idle for {@code idleTimeout}, when a client asks for
 * the same data center with other settings (the settings changed: the old transport takes no new
 * requests and closes once its last one ends), when more than {@code maxTransports} are open (the
 * least recently used one goes the same way), and when this object is closed (Jenkins stops):
 * then every request under way ends at once, as ABORTED.
 *
 * <p>Threads: at most {@value #JDK_THREADS} for all JDK HTTP clients together, one selector per
 * open transport (the JDK's), and one for timers (the idle check, the deadline of each request)
 * while any transport is open; a request itself runs on the calling thread. None of
 * them depends on the number of builds, and all end when the transports are closed.
 */
public final class PlatformConnections implements AutoCloseable {

    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(5);
    public static final int DEFAULT_MAX_TRANSPORTS = 8;

    /** The JDK client's work is short and never blocks (bodies are collected, not read), so two threads do. */
    public static final int JDK_THREADS = 2;

    private static final long THREAD_KEEP_ALIVE_SECONDS = 5;

    /** A transport and who uses it; guarded by the owning {@link PlatformConnections}. */
    private static final class Entry {
        final HttpTransport transport;
        int users;
        long lastUsedNanos = System.nanoTime();
        boolean retired;

        Entry(HttpTransport transport) {
            this.transport = transport;
        }
    }

    /** The use of one transport for one request; closing it hands the transport back. */
    public final class Lease implements AutoCloseable {
        private final Entry entry;

        private Lease(Entry entry) {
            this.entry = entry;
        }

        public HttpTransport transport() {
            return entry.transport;
        }

        @Override
        public void close() {
            release(entry);
        }
    }

    private final Duration idleTimeout;
    private final int maxTransports;
    private final ThreadPoolExecutor jdkThreads;
    /** The idle check, and the alarm that ends a request at its deadline. */
    private final ScheduledThreadPoolExecutor timers;

    private final AlarmClock alarms;

    private final Map<TransportKey, Entry> open = new LinkedHashMap<>();
    /** Retired transports that still have requests under way; they close when the last one ends. */
    private final Set<Entry> draining = new java.util.HashSet<>();

    private boolean idleCheckScheduled;
    private boolean closed;

    public PlatformConnections() {
        this(DEFAULT_IDLE_TIMEOUT, DEFAULT_MAX_TRANSPORTS);
    }

    public PlatformConnections(Duration idleTimeout, int maxTransports) {
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("idleTimeout must be positive");
        }
        if (maxTransports < 1) {
            throw new IllegalArgumentException("maxTransports must be at least 1");
        }
        this.idleTimeout = idleTimeout;
        this.maxTransports = maxTransports;
        this.jdkThreads = new ThreadPoolExecutor(
                JDK_THREADS,
                JDK_THREADS,
                THREAD_KEEP_ALIVE_SECONDS,
                TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(),
                daemonThreads("platform-password-http"));
        jdkThreads.allowCoreThreadTimeOut(true);
        this.timers = new ScheduledThreadPoolExecutor(1, daemonThreads("platform-password-timers"));
        timers.setKeepAliveTime(THREAD_KEEP_ALIVE_SECONDS, TimeUnit.SECONDS);
        timers.allowCoreThreadTimeOut(true);
        timers.setRemoveOnCancelPolicy(true);
        this.alarms = new AlarmClock(timers);
    }

    /**
     * The transport for these settings, opened if none is, for one request.
     *
     * @return null once this object is closed
     */
    public Lease lease(TransportKey key) {
        List<HttpTransport> toClose = new ArrayList<>();
        Lease lease;
        synchronized (this) {
            if (closed) {
                return null;
            }
            Entry entry = open.get(key);
            if (entry == null) {
                retireOthersFor(key, toClose);
                while (open.size() >= maxTransports) {
                    retireLeastRecentlyUsed(toClose);
                }
                entry = new Entry(new HttpTransport(key, jdkThreads, alarms));
                open.put(key, entry);
                scheduleIdleCheck();
            }
            entry.users++;
            entry.lastUsedNanos = System.nanoTime();
            lease = new Lease(entry);
        }
        toClose.forEach(HttpTransport::close);
        return lease;
    }

    private void release(Entry entry) {
        boolean closeNow;
        synchronized (this) {
            entry.users--;
            entry.lastUsedNanos = System.nanoTime();
            closeNow = entry.retired && entry.users == 0;
            if (closeNow) {
                draining.remove(entry);
            }
        }
        if (closeNow) {
            entry.transport.close();
        }
    }

    /** The same data center with other settings: those settings changed, so the old transport goes. */
    private void retireOthersFor(TransportKey key, List<HttpTransport> toClose) {
        List<TransportKey> stale = new ArrayList<>();
        open.keySet().stream().filter(k -> k.origin().equals(key.origin())).forEach(stale::add);
        stale.forEach(k -> retire(k, toClose));
    }

    private void retireLeastRecentlyUsed(List<HttpTransport> toClose) {
        open.entrySet().stream()
                .min(Comparator.comparingLong(e -> e.getValue().lastUsedNanos))
                .map(Map.Entry::getKey)
                .ifPresent(k -> retire(k, toClose));
    }

    /** Takes the transport out of use; it closes now if idle, else when its last request ends. */
    private void retire(TransportKey key, List<HttpTransport> toClose) {
        Entry entry = open.remove(key);
        entry.retired = true;
        if (entry.users == 0) {
            toClose.add(entry.transport);
        } else {
            draining.add(entry);
        }
    }

    private void scheduleIdleCheck() {
        if (!idleCheckScheduled) {
            idleCheckScheduled = true;
            timers.schedule(this::closeIdle, idleTimeout.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    /** Closes the transports nobody used for the idle timeout; runs again while any is open. */
    private void closeIdle() {
        List<HttpTransport> toClose = new ArrayList<>();
        synchronized (this) {
            idleCheckScheduled = false;
            if (closed) {
                return;
            }
            long now = System.nanoTime();
            List<TransportKey> idle = new ArrayList<>();
            open.forEach((key, entry) -> {
                if (entry.users == 0 && now - entry.lastUsedNanos >= idleTimeout.toNanos()) {
                    idle.add(key);
                }
            });
            idle.forEach(key -> retire(key, toClose));
            if (!open.isEmpty()) {
                scheduleIdleCheck();
            }
        }
        toClose.forEach(HttpTransport::close);
    }

    /** How many transports are open and take new requests. */
    public synchronized int openTransports() {
        return open.size();
    }

    /**
     * Closes every transport; requests under way end at once as ABORTED, and no new one starts.
     * Meant for Jenkins' shutdown.
     */
    @Override
    public void close() {
        List<HttpTransport> toClose = new ArrayList<>();
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            open.values().forEach(entry -> toClose.add(entry.transport));
            draining.forEach(entry -> toClose.add(entry.transport));
            open.clear();
            draining.clear();
        }
        toClose.forEach(HttpTransport::close);
        timers.shutdownNow();
        // Not shutdownNow: a task already queued here may be the JDK completing an exchange that
        // the close has just aborted, and dropping it would leave that request's caller waiting.
        // The workers end on their own once the queue is empty.
        jdkThreads.shutdown();
    }

    @Override
    public synchronized String toString() {
        return "PlatformConnections[" + open.size() + " open transport(s)" + (closed ? ", closed" : "") + "]";
    }

    private static ThreadFactory daemonThreads(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
