package io.jenkins.plugins.platformpassword.simulator;

/** Finding the user or tenant a path names, with the platform's 404 when there is none. */
final class Lookups {

    private Lookups() {}

    /** A text that is not a UUID cannot name a user: 404 like an unknown one. */
    static User user(Directory directory, String pathId) throws Rejection {
        return Ids.uuid(pathId)
                .flatMap(directory::user)
                .orElseThrow(() -> PlatformError.notFound("User not found.", "no user with id " + pathId)
                        .reject());
    }

    static Tenant tenant(Directory directory, String pathId) throws Rejection {
        return Ids.uuid(pathId)
                .flatMap(directory::tenant)
                .orElseThrow(() -> PlatformError.notFound("Tenant not found.", "no tenant with id " + pathId)
                        .reject());
    }
}
