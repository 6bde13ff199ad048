package io.jenkins.plugins.platformpassword.simulator;

/**
 * Finding the user, tenant or API client a path names, with the platform's 404 when there is
 * none. An id that breaks the contract's pattern (see {@link Ids}) names nothing either: the
 * contract documents only 401, 403 and 404 for these reads, so such an id is not found rather than
 * a 400 the contract does not list.
 */
final class Lookups {

    private Lookups() {}

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

    static Directory.RegisteredClient client(Directory directory, String pathId) throws Rejection {
        return Ids.uuid(pathId)
                .flatMap(directory::client)
                .orElseThrow(() -> PlatformError.notFound("Client not found.", "no client with id " + pathId)
                        .reject());
    }
}
