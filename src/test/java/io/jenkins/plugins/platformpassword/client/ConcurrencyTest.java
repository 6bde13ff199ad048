package io.jenkins.plugins.platformpassword.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.platformpassword.client.secrets.SecretValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Many builds at once share one token: exactly one token request, however many callers race for it. */
class ConcurrencyTest {

    private static final int CALLERS = 50;

    private final SimulatedPlatform platform = new SimulatedPlatform();

    @AfterEach
    void stop() {
        platform.close();
    }

    @Test
    void fiftyConcurrentChangesThroughOneClientNeedOneToken() throws Exception {
        List<String> users = users(CALLERS);
        // Latency makes the token request slow, so that the callers really do wait for it together.
        platform.simulator.latency(Duration.ofMillis(50));
        try (PlatformClient client = platform.client()) {
            List<Throwable> errors =
                    runTogether(users, user -> client.changePassword(UserId.parse(user), password(user)));
            assertThat(errors).isEmpty();
        }
        assertThat(platform.tokenRequests()).isEqualTo(1);
        for (String user : users) {
            assertThat(platform.simulator.passwordOf(user)).hasValue("Rotated-" + user);
        }
    }

    @Test
    void fiftyConcurrentChangesWithAClientPerBuildNeedOneToken() throws Exception {
        List<String> users = users(CALLERS);
        platform.simulator.latency(Duration.ofMillis(50));
        List<Throwable> errors = runTogether(users, user -> {
            try (PlatformClient perBuild = platform.client()) {
                perBuild.changePassword(UserId.parse(user), password(user));
            }
        });
        assertThat(errors).isEmpty();
        assertThat(platform.tokenRequests()).isEqualTo(1);
    }

    @Test
    void anExpiredTokenIsRenewedOnceForAllCallers() throws Exception {
        List<String> users = users(CALLERS);
        try (PlatformClient client = platform.client()) {
            client.changePassword(UserId.parse(users.get(0)), password(users.get(0)));
            platform.simulator.expireAllTokens();
            platform.simulator.latency(Duration.ofMillis(50));

            List<Throwable> errors =
                    runTogether(users, user -> client.changePassword(UserId.parse(user), password(user)));

            assertThat(errors).isEmpty();
        }
        // One token at the start, exactly one renewal after the expiry.
        assertThat(platform.tokenRequests()).isEqualTo(2);
    }

    private List<String> users(int count) {
        List<String> users = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            users.add(platform.simulator.addUser(platform.customerTenant, "concurrent-" + i));
        }
        return users;
    }

    private static NewPassword password(String user) {
        return NewPassword.of(SecretValue.of("Rotated-" + user));
    }

    interface Change {
        void apply(String user) throws Exception;
    }

    private static List<Throwable> runTogether(List<String> users, Change change) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(users.size());
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        for (String user : users) {
            futures.add(pool.submit(() -> {
                start.await();
                change.apply(user);
                return null;
            }));
        }
        start.countDown();
        List<Throwable> errors = new ArrayList<>();
        for (Future<?> future : futures) {
            try {
                future.get();
            } catch (java.util.concurrent.ExecutionException e) {
                errors.add(e.getCause());
            }
        }
        pool.shutdownNow();
        return errors;
    }
}
