package io.jenkins.plugins.platformpassword.benchmark;

import io.jenkins.plugins.platformpassword.client.ChangeOutcome;

/**
 * What a variant's changes reported beyond their success: whether each found the token in the
 * cache or fetched it, and how many attempts were retried. A later build that fetches a token, or
 * a first build that finds one cached, measures something else than it claims, so the run says so.
 */
final class OutcomeTally {

    private long fetchedTokens;
    private long cachedTokens;
    private long retries;

    void add(ChangeOutcome outcome) {
        if (outcome.tokenFromCache()) {
            cachedTokens++;
        } else {
            fetchedTokens++;
        }
        retries += outcome.attempts() - 1;
    }

    /** Forgets the warm-up, whose first change fetched the token as it must. */
    void reset() {
        fetchedTokens = 0;
        cachedTokens = 0;
        retries = 0;
    }

    /**
     * @param what               what was counted, e.g. "build(s)"
     * @param expectsCachedToken whether each change should find its token in the cache
     */
    String anomalies(String what, boolean expectsCachedToken) {
        String tokens = expectsCachedToken
                ? (fetchedTokens == 0 ? "" : fetchedTokens + " " + what + " fetched a token; ")
                : (cachedTokens == 0 ? "" : cachedTokens + " " + what + " found a cached token; ");
        return tokens + (retries == 0 ? "" : retries + " retried attempt(s); ");
    }
}
