package io.jenkins.plugins.platformpassword;

import com.cloudbees.plugins.credentials.domains.DomainRequirement;
import com.cloudbees.plugins.credentials.domains.HostnameRequirement;
import com.cloudbees.plugins.credentials.domains.URIRequirementBuilder;
import hudson.Util;
import io.jenkins.plugins.platformpassword.client.InvalidInputException;
import io.jenkins.plugins.platformpassword.client.PlatformEndpoint;
import java.util.List;

/**
 * The credential domain requirements of a data center: its scheme, host and path, from
 * {@link URIRequirementBuilder}. Every lookup of the step's credentials uses them, dropdowns and
 * form checks as well as the build, Test connection and the rotation, so that what the form
 * offers is what the build uses, and a credential that an administrator restricted to one data
 * center's host never travels to another.
 */
final class DataCenterDomain {

    private DataCenterDomain() {}

    static List<DomainRequirement> of(PlatformEndpoint endpoint) {
        return URIRequirementBuilder.fromUri(endpoint.dataCenterUrl().toString())
                .build();
    }

    /**
     * For forms, where the URL may be empty, unfinished or an expression: the requirements of the
     * URL when it parses, none otherwise (the build then checks with the real URL).
     */
    static List<DomainRequirement> ofFormValue(String url) {
        if (Util.fixEmptyAndTrim(url) == null || url.contains("${")) {
            return List.of();
        }
        try {
            return of(PlatformEndpoint.parse(url, true));
        } catch (InvalidInputException e) {
            return List.of();
        }
    }

    /** The host the requirements name, for messages. */
    static String hostOf(List<DomainRequirement> requirements) {
        return requirements.stream()
                .filter(HostnameRequirement.class::isInstance)
                .map(requirement -> ((HostnameRequirement) requirement).getHostname())
                .findFirst()
                .orElse("?");
    }
}
