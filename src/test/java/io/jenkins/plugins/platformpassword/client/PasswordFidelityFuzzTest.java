package io.jenkins.plugins.platformpassword.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.platformpassword.client.secrets.SecretValue;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * 10,000 random passwords with code points from every plane, lone surrogates, U+0000, U+FFFE,
 * bidi controls, line breaks and controls: each is either refused by {@link NewPassword#of}
 * before any request, or arrives at the platform exactly as it was in the credential, as the
 * simulator decoded it from the JSON body. Exactly those with an unpaired surrogate (or of
 * whitespace only) are refused.
 *
 * <p>Reproducible: the seed is in every failure message; run again with
 * {@code -Dpassword.fuzz.seed=<seed>}. One simulator and one token; four users changed side by
 * side, so that it takes seconds.
 */
class PasswordFidelityFuzzTest {

    private static final int PASSWORDS = 10_000;
    private static final int THREADS = 4;

    private static final int[] BIDI = {
        0x200E, 0x200F, 0x061C, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069
    };
    private static final int[] SPACES = {' ', '\t', '\n', '\r', 0x0B, 0x0C, 0x85, 0xA0, 0x2028, 0x2029, 0x3000, 0x202F};

    @Test
    void everyPasswordIsRefusedUpFrontOrArrivesExactly() throws Exception {
        long seed = Long.getLong("password.fuzz.seed", new SecureRandom().nextLong());
        Random random = new Random(seed);
        List<String> passwords = new ArrayList<>(PASSWORDS);
        for (int i = 0; i < PASSWORDS; i++) {
            passwords.add(randomPassword(random));
        }
        try (SimulatedPlatform platform = new SimulatedPlatform();
                PlatformClient client = platform.client()) {
            platform.simulator.enforcePasswordPolicy(false); // this is about the bytes, not the policy
            ExecutorService threads = Executors.newFixedThreadPool(THREADS);
            List<Future<Tally>> tallies = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int first = t;
                String user = platform.simulator.addUser(platform.customerTenant, "fuzz-user-" + t);
                tallies.add(threads.submit(() -> changeEach(platform, client, user, passwords, first)));
            }
            threads.shutdown();
            Tally total = new Tally();
            for (Future<Tally> tally : tallies) {
                total.add(tally.get());
            }
            assertThat(total.problems)
                    .as("seed %d: passwords changed in transit or refused wrongly", seed)
                    .isEmpty();
            assertThat(total.refused).as("seed %d: refused", seed).isGreaterThan(PASSWORDS / 10);
            assertThat(total.sent).as("seed %d: sent", seed).isGreaterThan(PASSWORDS / 5);
            assertThat(total.refused + total.sent).isEqualTo(PASSWORDS);
            assertThat(platform.tokenRequests()).as("one token for all").isEqualTo(1);
        }
    }

    private static final class Tally {
        int refused;
        int sent;
        final List<String> problems = new ArrayList<>();

        void add(Tally other) {
            refused += other.refused;
            sent += other.sent;
            problems.addAll(other.problems);
        }
    }

    /** Every {@value #THREADS}th password, starting at {@code first}, for one user. */
    private static Tally changeEach(
            SimulatedPlatform platform, PlatformClient client, String user, List<String> passwords, int first)
            throws PlatformException {
        Tally tally = new Tally();
        for (int i = first; i < passwords.size(); i += THREADS) {
            String password = passwords.get(i);
            boolean mustBeRefused = hasUnpairedSurrogate(password) || isBlank(password);
            int changesBefore = platform.simulator.passwordChangeCount(user);
            NewPassword checked;
            try {
                checked = NewPassword.of(SecretValue.of(password));
            } catch (InvalidInputException refused) {
                tally.refused++;
                if (!mustBeRefused || !refused.field().equals(NewPassword.FIELD)) {
                    tally.problems.add("#" + i + " refused (" + refused.getMessage() + "): " + codePoints(password));
                }
                if (platform.simulator.passwordChangeCount(user) != changesBefore) {
                    tally.problems.add("#" + i + " refused, yet a change arrived: " + codePoints(password));
                }
                continue;
            }
            if (mustBeRefused) {
                tally.problems.add("#" + i + " accepted although it cannot arrive intact: " + codePoints(password));
            }
            client.changePassword(UserId.parse(user), checked);
            tally.sent++;
            String received = platform.simulator.passwordOf(user).orElse(null);
            if (!password.equals(received)) {
                tally.problems.add("#" + i + " sent " + codePoints(password) + ", received "
                        + (received == null ? "nothing" : codePoints(received)));
            }
        }
        return tally;
    }

    /** 1 to 24 code points, each from one of the kinds a credential may hold. */
    static String randomPassword(Random random) {
        StringBuilder password = new StringBuilder();
        int length = 1 + random.nextInt(24);
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(100);
            if (kind < 25) {
                password.append((char) (0x21 + random.nextInt(0x7F - 0x21)));
            } else if (kind < 40) {
                int cp;
                do {
                    cp = 0x80 + random.nextInt(0x10000 - 0x80);
                } while (cp >= 0xD800 && cp <= 0xDFFF);
                password.appendCodePoint(cp);
            } else if (kind < 60) {
                password.appendCodePoint(0x10000 * (1 + random.nextInt(16)) + random.nextInt(0x10000));
            } else if (kind < 63) {
                password.append((char) (0xD800 + random.nextInt(0x400))); // a high surrogate on its own
            } else if (kind < 66) {
                password.append((char) (0xDC00 + random.nextInt(0x400))); // a low surrogate on its own
            } else if (kind < 71) {
                password.append('\u0000');
            } else if (kind < 76) {
                password.append(random.nextBoolean() ? '\ufffe' : '\uffff');
            } else if (kind < 86) {
                password.appendCodePoint(BIDI[random.nextInt(BIDI.length)]);
            } else if (kind < 93) {
                password.appendCodePoint(SPACES[random.nextInt(SPACES.length)]);
            } else {
                password.append((char) (random.nextBoolean() ? 1 + random.nextInt(0x1F) : 0x7F + random.nextInt(0x21)));
            }
        }
        return password.toString();
    }

    /** Written here rather than taken from the code under test: a high surrogate not followed by a low one, or a low one alone. */
    static boolean hasUnpairedSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0xD800 && c <= 0xDBFF) {
                if (i + 1 < text.length() && text.charAt(i + 1) >= 0xDC00 && text.charAt(i + 1) <= 0xDFFF) {
                    i++;
                } else {
                    return true;
                }
            } else if (c >= 0xDC00 && c <= 0xDFFF) {
                return true;
            }
        }
        return false;
    }

    private static boolean isBlank(String text) {
        return text.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c));
    }

    private static String codePoints(String text) {
        return text.chars().mapToObj(c -> String.format("%04X", c)).collect(Collectors.joining(" ", "[", "]"));
    }
}
