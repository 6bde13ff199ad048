package io.jenkins.plugins.platformpassword;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.casc.ConfigurationAsCode;
import io.jenkins.plugins.casc.misc.ConfiguredWithCode;
import io.jenkins.plugins.casc.misc.JenkinsConfiguredWithCodeRule;
import io.jenkins.plugins.casc.misc.junit.jupiter.WithJenkinsConfiguredWithCode;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** Every global setting can be set from YAML, and the export gives back exactly what was set. */
@WithJenkinsConfiguredWithCode
class ConfigurationAsCodeTest {

    private static final String YAML = "configuration-as-code.yml";
    private static final String ROTATION_YAML = "configuration-as-code-rotation-as-system.yml";

    @Test
    @ConfiguredWithCode(YAML)
    void configuresEverySetting(JenkinsConfiguredWithCodeRule r) {
        PlatformPasswordConfiguration global = PlatformPasswordConfiguration.get();
        assertThat(global.getPlatforms()).hasSize(2);
        PlatformDefinition us1 = global.getPlatforms().get(1);
        assertThat(us1.getName()).isEqualTo("us1");
        assertThat(us1.getBaseUrl()).isEqualTo("https://us1-cloud.example.com");
        assertThat(us1.getCredentialsId()).isEqualTo("us1-api-client");
        assertThat(us1.getConnectTimeoutSeconds()).isEqualTo(20);
        assertThat(us1.getRequestTimeoutSeconds()).isEqualTo(90);
        assertThat(global.getPlatforms().get(0).getConnectTimeoutSeconds()).isNull();
        assertThat(global.getDefaultPlatform()).isEqualTo("eu2");
        assertThat(global.getConnectTimeoutSeconds()).isEqualTo(5);
        assertThat(global.getRequestTimeoutSeconds()).isEqualTo(45);
        assertThat(global.isAllowPlainHttp()).isTrue();
        assertThat(global.systemRotations().allows("customers/acme/backup-operator-password"))
                .isTrue();
        assertThat(global.systemRotations().allows("backup-operator-password")).isFalse();
    }

    @Test
    @ConfiguredWithCode(YAML)
    void exportsWhatItWasGiven(JenkinsConfiguredWithCodeRule r) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ConfigurationAsCode.get().export(out);

        Object exported = section(new Yaml().load(out.toString(StandardCharsets.UTF_8)));
        Object given;
        try (InputStream in = getClass().getResourceAsStream(YAML)) {
            given = section(new Yaml().load(in));
        }

        assertThat(exported).isEqualTo(given);
    }

    @Test
    @ConfiguredWithCode("configuration-as-code-earlier-version.yml")
    void aFileOfAnEarlierVersionDefinesTheDefaultPlatform(JenkinsConfiguredWithCodeRule r) {
        PlatformPasswordConfiguration global = PlatformPasswordConfiguration.get();

        assertThat(global.getDefaultPlatform()).isEqualTo("default");
        assertThat(global.getPlatforms()).singleElement().satisfies(migrated -> {
            assertThat(migrated.getBaseUrl()).isEqualTo("https://eu2-cloud.example.com");
            assertThat(migrated.getCredentialsId()).isEqualTo("platform-api-client");
        });
        assertThat(global.getConnectTimeoutSeconds()).isEqualTo(5);
    }

    @Test
    @ConfiguredWithCode(ROTATION_YAML)
    void importsTheSystemRotationOptInLineByLine(JenkinsConfiguredWithCodeRule r) {
        SystemRotations optIn = PlatformPasswordConfiguration.get().systemRotations();

        assertThat(optIn.allows("backup-operator-password")).isTrue();
        assertThat(optIn.allows("customers/acme/backup-operator-password")).isTrue();
        assertThat(optIn.allows("customers/globex/backup-operator-password")).isFalse();
        assertThat(optIn.allows("# reviewed by the administrators")).isFalse();
    }

    @Test
    @ConfiguredWithCode(ROTATION_YAML)
    void exportsTheSystemRotationOptInAsItWasGiven(JenkinsConfiguredWithCodeRule r) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ConfigurationAsCode.get().export(out);

        Map<?, ?> exported = (Map<?, ?>) section(new Yaml().load(out.toString(StandardCharsets.UTF_8)));
        Map<?, ?> given;
        try (InputStream in = getClass().getResourceAsStream(ROTATION_YAML)) {
            given = (Map<?, ?>) section(new Yaml().load(in));
        }

        // Several lines and a comment: the text comes back as it was, so a re-import allows the same credentials.
        assertThat(exported.get("rotationAsSystem"))
                .isEqualTo(given.get("rotationAsSystem"))
                .isEqualTo("# reviewed by the administrators\n" + "backup-operator-password\n"
                        + "customers/acme/backup-operator-password");
    }

    private static Object section(Object document) {
        Map<?, ?> unclassified = (Map<?, ?>) ((Map<?, ?>) document).get("unclassified");
        return unclassified.get("platformPassword");
    }
}
