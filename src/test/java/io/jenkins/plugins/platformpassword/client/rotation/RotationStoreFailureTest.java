package io.jenkins.plugins.platformpassword.client.rotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jenkins.plugins.platformpassword.client.PlatformClient;
import io.jenkins.plugins.platformpassword.client.UserId;
import io.jenkins.plugins.platformpassword.client.rotation.FaultyStore.Step;
import io.jenkins.plugins.platformpassword.client.secrets.SecretValue;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A store that reports a failure (the credentials file cannot be saved, say) at each step: the
 * rotation stops, says where the active password is, and that claim is true.
 */
class RotationStoreFailureTest {

    private final Supplier<SecretValue> generator = TestPasswords.fresh();
    private RotationPlatform platform;
    private InMemoryRotationStore disk;

    @BeforeEach
    void startPlatform() throws Exception {
        platform = RotationPlatform.start();
        disk = new InMemoryRotationStore(RotationPlatform.INITIAL_PASSWORD);
    }

    @AfterEach
    void stopPlatform() {
        platform.close();
    }

    @Test
    void anUnreadablePendingEntryStopsBeforeAnythingIsSent() {
        int before = platform.passwordChanges();

        RotationException stopped = failAt(Step.PENDING, platform.user);

        assertThat(stopped.activePassword()).isEqualTo(ActivePassword.CURRENT_OR_PENDING);
        assertThat(stopped).hasMessageContaining("do not delete it");
        assertThat(platform.passwordChanges()).isEqualTo(before);
    }

    @Test
    void anUnreadableTargetStopsBeforeAnythingIsStoredOrSent() {
        int before = platform.passwordChanges();

        RotationException stopped = failAt(Step.CURRENT, platform.user);

        assertThat(stopped.activePassword()).isEqualTo(ActivePassword.CURRENT);
        assertThat(disk.pending()).isEmpty();
        assertThat(platform.passwordChanges()).isEqualTo(before);
    }

    @Test
    void aFailedSaveOfThePendingPasswordStopsBeforeThePlatformIsChanged() {
        int before = platform.passwordChanges();

        RotationException stopped = failAt(Step.SAVE_PENDING, platform.user);

        assertThat(stopped.activePassword()).isEqualTo(ActivePassword.CURRENT);
        assertThat(stopped).hasMessageContaining("before the platform was changed");
        assertThat(platform.passwordChanges()).isEqualTo(before);
        assertThat(platform.activePassword()).isEqualTo(disk.current());
    }

    @Test
    void aFailedPromoteLeavesTheActivePasswordInThePendingEntry() throws Exception {
        RotationException stopped = failAt(Step.PROMOTE, platform.user);

        assertThat(stopped.activePassword()).isEqualTo(ActivePassword.PENDING);
        assertThat(stopped)
                .hasMessageContaining("the platform now uses the new password")
                .hasMessageContaining("do not delete it");
        assertThat(platform.activePassword()).isEqualTo(disk.pending().orElseThrow());
        assertThat(disk.current()).isEqualTo(RotationPlatform.INITIAL_PASSWORD);
        assertLaterRunFinishes();
    }

    @Test
    void aFailedClearLeavesADuplicateThatALaterRunRemoves() throws Exception {
        RotationException stopped = failAt(Step.CLEAR_PENDING, platform.user);

        assertThat(stopped.activePassword()).isEqualTo(ActivePassword.CURRENT);
        assertThat(platform.activePassword())
                .isEqualTo(disk.current())
                .isEqualTo(disk.pending().orElseThrow());
        assertLaterRunFinishes();
    }

    @Test
    void aRefusalWhosePendingEntryCannotBeRemovedSaysToDeleteItByHand() {
        RotationException stopped = failAt(Step.CLEAR_PENDING, platform.ownTenantUser);

        assertThat(stopped.activePassword()).isEqualTo(ActivePassword.CURRENT);
        assertThat(stopped).hasMessageContaining("Delete it by hand").hasMessageContaining(FaultyStore.FAILURE_MESSAGE);
        assertThat(stopped.getSuppressed()).singleElement().isInstanceOf(RotationStoreException.class);
        assertThat(disk.pending()).isPresent();
        assertThat(platform.passwordOf(platform.ownTenantUser)).isEmpty();
    }

    private RotationException failAt(Step step, UserId user) {
        RotationException stopped = catchThrowableOfType(RotationException.class, () -> {
            try (PlatformClient client = platform.client()) {
                new PasswordRotation(FaultyStore.failing(disk, step)).rotate(client, user, generator);
            }
        });
        assertThat(stopped).as("the rotation should have stopped").isNotNull();
        assertThat(stopped).hasMessageContaining(FaultyStore.FAILURE_MESSAGE);
        return stopped;
    }

    private void assertLaterRunFinishes() throws Exception {
        SecretValue pending = disk.pending().orElseThrow();
        RotationOutcome outcome;
        try (PlatformClient restarted = platform.restartedClient()) {
            outcome = new PasswordRotation(disk).rotate(restarted, platform.user, generator);
        }
        assertThat(outcome.recovered()).isTrue();
        assertThat(disk.current()).isEqualTo(pending);
        assertThat(platform.activePassword()).isEqualTo(disk.current());
        assertThat(disk.pending()).isEmpty();
    }
}
