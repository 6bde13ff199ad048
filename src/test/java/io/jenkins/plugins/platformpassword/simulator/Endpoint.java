package io.jenkins.plugins.platformpassword.simulator;

/** One operation of the API: checks a request against the platform's rules and answers it. */
interface Endpoint {

    /**
     * @return the answer for a request that passed every rule
     * @throws Rejection carrying the error answer of the first rule the request broke
     */
    Answer answer(IncomingRequest request) throws Rejection;
}
