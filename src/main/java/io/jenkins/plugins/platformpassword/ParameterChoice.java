package io.jenkins.plugins.platformpassword;

import hudson.model.ParameterDefinition;
import hudson.model.ParameterValue;
import hudson.model.ParametersAction;
import hudson.model.ParametersDefinitionProperty;
import hudson.model.Run;
import java.util.Objects;

/**
 * Whether whoever started the build set one of its parameters: a value other than the
 * parameter's default, or a parameter the job does not define.
 *
 * <p>This matters only for a build that runs as SYSTEM under the administrator's opt-in: there the
 * job's configuration is what the administrator trusted to say which listed credential gets
 * rewritten, and for which user. A parameter can choose either, and not only as the whole value
 * ({@code "svc-${params.ENV}"}, a {@code userId} from a parameter, a {@code platform} from a
 * choice), so such a build is refused whatever the parameter is used for; looking for the value
 * in the step's fields could not tell a composed id from a coincidence. Defaults come from the
 * job's configuration, so a build that runs with them (a timer, an SCM trigger, a rebuild with
 * the same values) is allowed. Defaults that are computed anew (a run parameter without a fixed
 * build, a Pipeline's {@code properties([parameters(...)])} whose default is a date) may no longer
 * equal the value the build started with; such builds are refused too, which errs on the safe side.
 */
final class ParameterChoice {

    private ParameterChoice() {}

    /** The name of a parameter the starter set for this build, or null when every value is its default. */
    static String setByStarter(Run<?, ?> run) {
        ParametersAction parameters = run.getAction(ParametersAction.class);
        if (parameters == null) {
            return null;
        }
        ParametersDefinitionProperty definitions = run.getParent().getProperty(ParametersDefinitionProperty.class);
        for (ParameterValue value : parameters.getAllParameters()) {
            if (!isDefault(value, definitions)) {
                return value.getName();
            }
        }
        return null;
    }

    /**
     * By value, whatever the kind: a credentials parameter passed by a Pipeline {@code build}
     * step with its default id is not marked as a default, yet it is one.
     */
    private static boolean isDefault(ParameterValue value, ParametersDefinitionProperty definitions) {
        ParameterDefinition definition =
                definitions == null ? null : definitions.getParameterDefinition(value.getName());
        ParameterValue fallback = definition == null ? null : definition.getDefaultParameterValue();
        // A kind that does not expose its value (ParameterValue.getValue() is null by default, e.g. a
        // node label parameter) cannot be compared, so it counts as set: refusing is the safe side.
        return fallback != null
                && value.getValue() != null
                && Objects.equals(normalised(fallback.getValue()), normalised(value.getValue()));
    }

    /** Text values as a trimming string parameter would hold them. */
    private static Object normalised(Object value) {
        return value instanceof String text ? text.trim() : value;
    }
}
