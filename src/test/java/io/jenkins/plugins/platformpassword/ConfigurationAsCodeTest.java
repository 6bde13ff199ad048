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

    @Test
    @ConfiguredWithCode(YAML)
    void configuresEverySetting(JenkinsConfiguredWithCodeRule r) {
        PlatformPasswordConfiguration global = PlatformPasswordConfiguration.get();
        assertThat(global.getBaseUrl()).isEqualTo("https://eu2-cloud.example.com");
        assertThat(global.getCredentialsId()).isEqualTo("platform-api-client");
        assertThat(global.getConnectTimeoutSeconds()).isEqualTo(5);
        assertThat(global.getRequestTimeoutSeconds()).isEqualTo(45);
        assertThat(global.isAllowPlainHttp()).isTrue();
        assertThat(global.systemRotations().allows("customers/acme/backup-operator-password")).isTrue();
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

    private static Object section(Object document) {
        Map<?, ?> unclassified = (Map<?, ?>) ((Map<?, ?>) document).get("unclassified");
        return unclassified.get("platformPassword");
    }
}
