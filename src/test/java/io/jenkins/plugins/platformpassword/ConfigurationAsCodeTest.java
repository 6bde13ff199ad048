package io.jenkins.plugins.platformpassword;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.cloudbees.plugins.credentials.common.IdCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import io.jenkins.plugins.casc.ConfigurationAsCode;
import io.jenkins.plugins.casc.misc.ConfiguredWithCode;
import io.jenkins.plugins.casc.misc.JenkinsConfiguredWithCodeRule;
import io.jenkins.plugins.casc.misc.junit.jupiter.WithJenkinsConfiguredWithCode;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Every global setting can be set from YAML, and the export gives back exactly what was set; the
 * README's example creates what its steps use.
 */
@WithJenkinsConfiguredWithCode
class ConfigurationAsCodeTest {

    private static final String YAML = "configuration-as-code.yml";
    private static final String ROTATION_YAML = "configuration-as-code-rotation-as-system.yml";

    /** The README's example, byte for byte (ReadmeExampleTest checks that in the offline build). */
    private static final String README_YAML = "configuration-as-code-readme.yml";

    /**
     * The README's secrets, as Configuration as Code's environment source finds them (it reads system
     * properties before environment variables); test values only.
     */
    private static final Map<String, String> README_SECRETS = Map.of(
            "EU2_API_CLIENT_SECRET", "readme-eu2-client-secret",
            "US1_API_CLIENT_SECRET", "readme-us1-client-secret",
            "NEW_USER_PASSWORD", "Readme-New-Passw0rd-1");

    @BeforeAll
    static void provideTheReadmeSecrets() {
        README_SECRETS.forEach(System::setProperty);
    }

    @AfterAll
    static void removeTheReadmeSecrets() {
        README_SECRETS.keySet().forEach(System::clearProperty);
    }

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

    @Test
    @ConfiguredWithCode(README_YAML)
    void theReadmeExampleCreatesTheCredentialsAndThePlatforms(JenkinsConfiguredWithCodeRule r) {
        StandardUsernamePasswordCredentials eu2 =
                credential("eu2-api-client", StandardUsernamePasswordCredentials.class);
        assertThat(eu2.getUsername()).isEqualTo("6c36b9d2-2b6e-4bd6-9f0e-0d2f4e1c8a41");
        assertThat(eu2.getPassword().getPlainText()).isEqualTo("readme-eu2-client-secret");
        StandardUsernamePasswordCredentials us1 =
                credential("us1-api-client", StandardUsernamePasswordCredentials.class);
        assertThat(us1.getUsername()).isEqualTo("0b8e2c4a-7d15-4f3e-9a61-5c2d8e7f1a93");
        assertThat(us1.getPassword().getPlainText()).isEqualTo("readme-us1-client-secret");
        // The step under "Use it" names this credential as its passwordCredentialsId.
        assertThat(credential("new-user-password", StringCredentials.class)
                        .getSecret()
                        .getPlainText())
                .isEqualTo("Readme-New-Passw0rd-1");

        PlatformPasswordConfiguration global = PlatformPasswordConfiguration.get();
        assertThat(global.getPlatforms())
                .extracting(PlatformDefinition::getName, PlatformDefinition::getCredentialsId)
                .containsExactly(tuple("eu2", "eu2-api-client"), tuple("us1", "us1-api-client"));
        assertThat(global.getPlatforms().get(1).getRequestTimeoutSeconds()).isEqualTo(60);
        assertThat(global.getDefaultPlatform()).isEqualTo("eu2");
        assertThat(global.getConnectTimeoutSeconds()).isEqualTo(10);
        assertThat(global.getRequestTimeoutSeconds()).isEqualTo(30);
    }

    private static <C extends IdCredentials> C credential(String id, Class<C> type) {
        return SystemCredentialsProvider.getInstance().getCredentials().stream()
                .filter(c -> c instanceof IdCredentials ic && ic.getId().equals(id))
                .map(type::cast)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no credential " + id + " in the system store"));
    }

    private static Object section(Object document) {
        Map<?, ?> unclassified = (Map<?, ?>) ((Map<?, ?>) document).get("unclassified");
        return unclassified.get("platformPassword");
    }
}
