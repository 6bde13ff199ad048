package io.jenkins.plugins.platformpassword.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The README's Configuration as Code block is the file {@code ConfigurationAsCodeTest} applies, so
 * what a newcomer copies is what the (Jenkins) build has tried. This half runs in the offline build.
 */
class ReadmeExampleTest {

    @Test
    void theConfigurationAsCodeBlockIsTheTestedFile() throws IOException {
        Path root = WebMethodSecurityTest.glueSources();
        for (int up = 0; up < 7; up++) {
            root = root.getParent();
        }
        String readme = Files.readString(root.resolve("README.md"), StandardCharsets.UTF_8);
        String tested = Files.readString(
                root.resolve("src/test/resources/io/jenkins/plugins/platformpassword/configuration-as-code-readme.yml"),
                StandardCharsets.UTF_8);

        assertThat(tested).contains("credentials:", "id: \"new-user-password\"", "platformPassword:");
        assertThat(readme).contains("```yaml\n" + tested + "```\n");
    }
}
