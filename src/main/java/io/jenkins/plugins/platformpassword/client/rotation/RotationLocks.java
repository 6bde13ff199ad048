package io.jenkins.plugins.platformpassword.client.rotation;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One lock per rotated credential, for as long as someone holds or waits for it, so that two
 * rotations of one credential never overlap ({@link PasswordRotation} is not safe for that). An
 * entry is dropped when its last user leaves: the map holds only the rotations under way, not
 * every credential ever rotated on a controller that runs for months.
 */
public final class RotationLocks {

    /** A held lock; closing it releases it. */
    public interface Held extends AutoCloseable {
        @Override
        void close();
    }

    private static final class Entry {
        final ReentrantLock lock = new ReentrantLock();
        int users;
    }

    private final Map<String, Entry> entries = new HashMap<>();

    /** Waits (interruptibly: an aborted build stops waiting) until no other rotation of this credential runs. */
    public Held lock(String key) throws InterruptedException {
        Entry entry;
        synchronized (entries) {
            entry = entries.computeIfAbsent(key, k -> new Entry());
            entry.users++;
        }
        try {
            entry.lock.lockInterruptibly();
        } catch (InterruptedException e) {
            leave(key, entry);
            throw e;
        }
        return () -> {
            entry.lock.unlock();
            leave(key, entry);
        };
    }

    /** How many credentials have a rotation under way or waiting. */
    public int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    private void leave(String key, Entry entry) {
        synchronized (entries) {
            if (--entry.users == 0) {
                entries.remove(key);
            }
        }
    }
}
