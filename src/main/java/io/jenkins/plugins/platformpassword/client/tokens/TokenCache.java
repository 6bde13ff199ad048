package io.jenkins.plugins.platformpassword.client.tokens;

import io.jenkins.plugins.platformpassword.client.secrets.SecretValue;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * Access tokens shared by all clients of one owner (in Jenkins: the whole controller), so that
 * builds that run one after the other, or side by side, ask the platform for one token per API
 * client rather than one per build. Tokens are held in memory only.
 *
 * <p>Keyed by data center, client id and a fingerprint of the secret: a rotated secret gets a
 * new token instead of reusing one issued to the old secret. When many callers need a token at
 * once, one of them asks the platform and the others wait for its answer.
 */
public final class TokenCache {

    /** Identifies one API client at one data center. The secret appears only as a SHA-256 fingerprint. */
    public record Key(URI dataCenter, String clientId, String secretFingerprint) {

        public Key {
            Objects.requireNonNull(dataCenter, "dataCenter");
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(secretFingerprint, "secretFingerprint");
        }

        public static Key of(URI dataCenter, String clientId, SecretValue secret) {
            return new Key(dataCenter, clientId, secret.fingerprint());
        }

        // Written out, as in TransportKey: every build looks its key up, and the record's generated
        // methods showed up in its CPU profile. The fingerprint, which differs most, is compared first.
        @Override
        public boolean equals(Object other) {
            return other instanceof Key that
                    && secretFingerprint.equals(that.secretFingerprint)
                    && clientId.equals(that.clientId)
                    && dataCenter.equals(that.dataCenter);
        }

        @Override
        public int hashCode() {
            return (31 * secretFingerprint.hashCode() + clientId.hashCode()) * 31 + dataCenter.hashCode();
        }

        @Override
        public String toString() {
            return "Key[" + dataCenter + "]"; // the client id may be marked secret
        }
    }

    /**
     * Asks the platform for a new token.
     *
     * @param <E> how the request fails
     */
    @FunctionalInterface
    public interface TokenSource<E extends Exception> {
        AccessToken fetch() throws E, InterruptedException;
    }

    /** Waited {@code maxWait} for another caller's token request to end, in vain. */
    public static final class WaitedTooLong extends Exception {

        private static final long serialVersionUID = 1L;

        private final Duration waited;

        WaitedTooLong(Duration waited) {
            super("waited " + waited + " for another caller's token request");
            this.waited = waited;
        }

        public Duration waited() {
            return waited;
        }
    }

    /** A token and whether it came from the cache. */
    public record Lease(AccessToken token, boolean cached) {}

    private static final class Slot {
        final ReentrantLock lock = new ReentrantLock();
        final AtomicReference<AccessToken> token = new AtomicReference<>();
    }

    /** How often a caller waiting for another's token fetch checks whether its own client was closed. */
    private static final long WAIT_STEP_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final ConcurrentMap<Key, Slot> slots = new ConcurrentHashMap<>();
    /** An API client's tenant never changes, so it is asked for once, like the token, and kept. */
    private final ConcurrentMap<Key, String> clientTenants = new ConcurrentHashMap<>();

    private final Clock clock;

    public TokenCache() {
        this(Clock.systemUTC());
    }

    public TokenCache(Clock clock) {
        this.clock = clock;
    }

    /** The controller's clock, on which token lifetimes are measured. */
    public Clock clock() {
        return clock;
    }

    /**
     * A fresh token for the key: the cached one, or one that {@code source} fetches. While another
     * caller fetches, this one waits for its answer, at most {@code maxWait}, and gives up at once
     * (with a {@link CancellationException}) when {@code abandoned} turns true: its client was closed.
     */
    public <E extends Exception> Lease obtain(
            Key key, Duration renewalMargin, Duration maxWait, TokenSource<E> source, BooleanSupplier abandoned)
            throws E, WaitedTooLong, InterruptedException {
        Slot slot = slots.get(key);
        if (slot == null) {
            dropUnusedSlots(); // before the map grows: it holds live tokens, not every URL or secret ever tried
            slot = slots.computeIfAbsent(key, k -> new Slot());
        }
        AccessToken current = slot.token.get();
        if (current != null && current.isFreshAt(clock.instant(), renewalMargin)) {
            return new Lease(current, true);
        }
        if (!waitForTurn(slot, maxWait, abandoned)) {
            throw new WaitedTooLong(maxWait);
        }
        try {
            current = slot.token.get();
            if (current != null && current.isFreshAt(clock.instant(), renewalMargin)) {
                return new Lease(current, true); // another caller fetched it while we waited
            }
            AccessToken fresh = source.fetch();
            slot.token.set(fresh);
            return new Lease(fresh, false);
        } finally {
            slot.lock.unlock();
        }
    }

    /** Waits for the slot's lock in short steps, so that a closed client does not wait out another's fetch. */
    private static boolean waitForTurn(Slot slot, Duration maxWait, BooleanSupplier abandoned)
            throws InterruptedException {
        long end = System.nanoTime() + maxWait.toNanos();
        while (true) {
            if (abandoned.getAsBoolean()) {
                throw new CancellationException("the client was closed while waiting for a token");
            }
            long left = end - System.nanoTime();
            if (left <= 0) {
                return slot.lock.tryLock();
            }
            if (slot.lock.tryLock(Math.min(left, WAIT_STEP_NANOS), TimeUnit.NANOSECONDS)) {
                return true;
            }
        }
    }

    /**
     * Forgets a token the platform refused. Only that exact token: if another caller has already
     * replaced it with a fresh one, the fresh one stays.
     */
    public void invalidate(Key key, AccessToken refused) {
        Slot slot = slots.get(key);
        if (slot != null) {
            slot.token.compareAndSet(refused, null);
        }
    }

    /**
     * Drops the slots that hold no usable token (none was ever issued, it was refused, or it
     * expired) and that nobody is fetching for, with their client tenants. A caller that looked a
     * slot up just before it was dropped still works with it; at worst that costs one more token
     * request. So the cache holds about one slot per API client in use, on a controller that runs
     * for months and sees typos in URLs and secrets.
     */
    private void dropUnusedSlots() {
        Instant now = clock.instant();
        slots.forEach((key, slot) -> {
            AccessToken token = slot.token.get();
            boolean usable = token != null && token.isFreshAt(now, Duration.ZERO);
            if (!usable && !slot.lock.isLocked() && !slot.lock.hasQueuedThreads() && slots.remove(key, slot)) {
                clientTenants.remove(key);
            }
        });
    }

    /** How many API clients have a slot here, a token or not (for tests of the bound). */
    int slotCount() {
        return slots.size();
    }

    public String clientTenant(Key key) {
        return clientTenants.get(key);
    }

    public void rememberClientTenant(Key key, String tenantId) {
        clientTenants.put(key, tenantId);
    }

    /** Forgets every token and client tenant, e.g. when the global configuration changes. */
    public void clear() {
        // Empty the slots rather than dropping them: a fetch in flight keeps its lock, so callers
        // arriving now still wait for it instead of starting a second one.
        slots.values().forEach(slot -> slot.token.set(null));
        clientTenants.clear();
    }

    /** How many API clients currently have a token here. */
    public int size() {
        return (int)
                slots.values().stream().filter(slot -> slot.token.get() != null).count();
    }

    @Override
    public String toString() {
        return "TokenCache[" + size() + " token(s)]";
    }
}
