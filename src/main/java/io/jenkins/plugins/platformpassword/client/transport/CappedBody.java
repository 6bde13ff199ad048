package io.jenkins.plugins.platformpassword.client.transport;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects at most a fixed number of body bytes, without a thread waiting for them: the JDK hands
 * the bytes over as they arrive. Once the cap is reached the rest of the body is refused by
 * cancelling the subscription, which closes an HTTP/1.1 connection or resets an HTTP/2 stream; a
 * body larger than the platform ever sends is a proxy's page or a fault, and reading it whole
 * would only cost memory and time.
 */
final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {

    private final int cap;
    private final ByteArrayOutputStream collected = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private Flow.Subscription subscription;
    private boolean stopped;
    private boolean reachedCap;

    /** @param cap the most bytes kept; a body of more than {@code cap} bytes ends the reading there */
    CappedBody(int cap) {
        this.cap = cap;
    }

    @Override
    public void onSubscribe(Flow.Subscription granted) {
        boolean refuse;
        synchronized (this) {
            refuse = stopped || subscription != null;
            if (!refuse) {
                subscription = granted;
            }
        }
        if (refuse) {
            granted.cancel();
        } else {
            granted.request(Long.MAX_VALUE);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        boolean full = false;
        synchronized (this) {
            if (stopped) {
                return;
            }
            for (ByteBuffer buffer : buffers) {
                int room = cap - collected.size();
                int take = Math.min(room, buffer.remaining());
                byte[] bytes = new byte[take];
                buffer.get(bytes);
                collected.write(bytes, 0, take);
                if (buffer.hasRemaining() || collected.size() == cap) {
                    full = true;
                    reachedCap = true;
                    break;
                }
            }
        }
        if (full) {
            // The caller learns from the count (cap bytes) that there was more; nothing else is read.
            finish();
        }
    }

    @Override
    public void onError(Throwable failure) {
        result.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
        synchronized (this) {
            result.complete(collected.toByteArray());
        }
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    /** Whether the body filled the cap, so that what was collected is all the caller gets, and complete as such. */
    synchronized boolean reachedCap() {
        return reachedCap;
    }

    synchronized byte[] collected() {
        return collected.toByteArray();
    }

    /** Stops reading: the bytes so far are the body, and the rest is refused. */
    private void finish() {
        Flow.Subscription current;
        synchronized (this) {
            stopped = true;
            current = subscription;
            result.complete(collected.toByteArray());
        }
        if (current != null) {
            current.cancel();
        }
    }

    /** Refuses the rest of the body for good, from any thread; what was read is dropped. */
    void cancel() {
        Flow.Subscription current;
        synchronized (this) {
            stopped = true;
            current = subscription;
        }
        result.cancel(false);
        if (current != null) {
            current.cancel();
        }
    }
}
