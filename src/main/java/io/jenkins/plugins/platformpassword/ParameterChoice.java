package io.jenkins.plugins.platformpassword;

import com.cloudbees.plugins.credentials.CredentialsParameterValue;
import hudson.model.ParameterDefinition;
import hudson.model.ParameterValue;
import hudson.model.ParametersAction;
import hudson.model.ParametersDefinitionProperty;
import hudson.model.Run;
import hudson.model.StringParameterValue;

/**
 * Whether whoever started the build chose a credential through a build parameter: a credentials
 * parameter ({@code ${TARGET}} in a freestyle field) or a string or choice parameter (a Pipeline's
 * {@code params.TARGET}) whose value is the credential's id and is not the parameter's default.
 *
 * <p>This matters only for a build that runs as SYSTEM under the administrator's opt-in: there the
 * job's configuration is what the administrator trusted to say which listed credential gets
 * rewritten, and a parameter hands that choice to everyone with Job/Build. A default value comes
 * from the job's configuration, so it is not a choice of the starter's.
 */
final class ParameterChoice {

    private ParameterChoice() {}

    /** The name of the parameter that chose {@code credentialId} for this build, or null. */
    static String chooser(Run<?, ?> run, String credentialId) {
        ParametersAction parameters = run.getAction(ParametersAction.class);
        if (parameters == null) {
            return null;
        }
        ParametersDefinitionProperty definitions = run.getParent().getProperty(ParametersDefinitionProperty.class);
        for (ParameterValue value : parameters.getAllParameters()) {
            String given = idIn(value);
            if (credentialId.equals(given == null ? null : given.trim()) && !isDefault(value, definitions)) {
                return value.getName();
            }
        }
        return null;
    }

    /** The text a parameter can name a credential with; null for kinds that cannot (or that hold a secret). */
    private static String idIn(ParameterValue value) {
        if (value instanceof CredentialsParameterValue credentials) {
            return credentials.getValue();
        }
        return value instanceof StringParameterValue text ? text.getValue() : null;
    }

    private static boolean isDefault(ParameterValue value, ParametersDefinitionProperty definitions) {
        if (value instanceof CredentialsParameterValue credentials) {
            return credentials.isDefaultValue();
        }
        ParameterDefinition definition =
                definitions == null ? null : definitions.getParameterDefinition(value.getName());
        ParameterValue fallback = definition == null ? null : definition.getDefaultParameterValue();
        return fallback instanceof StringParameterValue text
                && value.getValue() != null
                && value.getValue().equals(text.getValue());
    }
}
