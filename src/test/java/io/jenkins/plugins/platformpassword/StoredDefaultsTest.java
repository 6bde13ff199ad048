package io.jenkins.plugins.platformpassword;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Items;
import hudson.model.Result;
import io.jenkins.plugins.platformpassword.client.passwords.PasswordGenerator;
import io.jenkins.plugins.platformpassword.client.users.PreflightMode;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * What Jenkins reads back from XML keeps every default. XStream runs no constructor and no
 * field initialiser, so a job created over the REST API, the CLI or Job DSL with only some
 * fields, or saved by a version from before a field existed, must behave like a job made in the
 * form: safety checks on, 403s explained, generation working. The first test is the rule for
 * every field added later: the step read from its minimal XML equals the step made by its
 * constructor, property by property.
 */
@WithJenkins
class StoredDefaultsTest {

    private JenkinsRule j;
    private JenkinsPlatform platform;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        j = rule;
        platform = new JenkinsPlatform(rule);
    }

    @AfterEach
    void tearDown() {
        platform.close();
    }

    @Test
    void aStepReadFromItsRequiredFieldsAloneEqualsOneMadeByItsConstructor() throws Exception {
        String xml = "<" + ChangePlatformPasswordStep.class.getName() + ">"
                + "<passwordCredentialsId>" + JenkinsPlatform.PASSWORD_ID + "</passwordCredentialsId>"
                + "</" + ChangePlatformPasswordStep.class.getName() + ">";

        ChangePlatformPasswordStep read = (ChangePlatformPasswordStep) Items.XSTREAM2.fromXML(xml);

        j.assertEqualDataBoundBeans(new ChangePlatformPasswordStep(JenkinsPlatform.PASSWORD_ID), read);
        assertThat(read.isCheckCompromised()).isTrue();
        assertThat(read.isCheckPasswordLength()).isTrue();
        assertThat(read.getPreflight()).isEqualTo(PreflightMode.ON_FAILURE);
        assertThat(read.getPasswordLength()).isEqualTo(PasswordGenerator.DEFAULT_LENGTH);
        assertThat(read.getCharacterClasses()).isEqualTo(CharacterClasses.ALL);
        assertThat(read.isDryRun()).isFalse();
        assertThat(read.isGeneratePassword()).isFalse();
    }

    @Test
    void aJobCreatedFromAMinimalConfigXmlExplainsA403() throws Exception {
        FreeStyleProject project = fromXml("minimal", minimalJob(platform.partnerUser, ""));

        FreeStyleBuild build = j.buildAndAssertStatus(Result.FAILURE, project);

        j.assertLogContains("HTTP 403", build);
        j.assertLogContains("Pre-flight check: user " + platform.partnerUser, build);
        j.assertLogContains("is in the API client's own tenant " + platform.partnerTenant, build);
    }

    @Test
    void aJobCreatedFromAMinimalConfigXmlKeepsTheSafetyChecksOn() throws Exception {
        platform.simulator.markCompromised(JenkinsPlatform.NEW_PASSWORD);
        FreeStyleProject project = fromXml("checks", minimalJob(platform.customerUser, ""));

        FreeStyleBuild build = j.buildAndAssertStatus(Result.FAILURE, project);

        j.assertLogContains("listed as compromised", build);
        assertThat(platform.simulator.passwordOf(platform.customerUser)).isEmpty();
    }

    @Test
    void aJobCreatedFromAMinimalConfigXmlGeneratesWithTheDefaultLengthAndClasses() throws Exception {
        PlatformPasswordConfiguration.get().setRotationAsSystem(JenkinsPlatform.PASSWORD_ID);
        FreeStyleProject project =
                fromXml("generate", minimalJob(platform.customerUser, "<generatePassword>true</generatePassword>"));

        j.buildAndAssertSuccess(project);

        String rotated = platform.simulator.passwordOf(platform.customerUser).orElseThrow();
        assertThat(rotated).hasSize(PasswordGenerator.DEFAULT_LENGTH);
        assertThat(RotationStepTest.secretText(j.jenkins, JenkinsPlatform.PASSWORD_ID)
                        .getSecret()
                        .getPlainText())
                .isEqualTo(rotated);
    }

    @Test
    void aFormRoundTripOfAMinimalJobKeepsTheDefaults() throws Exception {
        FreeStyleProject project = fromXml("round-trip", minimalJob(platform.customerUser, ""));

        j.configRoundtrip(project);

        ChangePlatformPasswordStep step = project.getBuildersList().get(ChangePlatformPasswordStep.class);
        assertThat(step.isCheckCompromised()).isTrue();
        assertThat(step.isCheckPasswordLength()).isTrue();
        assertThat(step.getPreflight()).isEqualTo(PreflightMode.ON_FAILURE);
        assertThat(step.getPasswordLength()).isEqualTo(PasswordGenerator.DEFAULT_LENGTH);
        assertThat(step.getCharacterClasses()).isEqualTo(CharacterClasses.ALL);
    }

    @Test
    void aGlobalConfigurationFileWithoutTimeoutsGetsTheDefaultTimeouts() throws Exception {
        File file = new File(j.jenkins.getRootDir(), PlatformPasswordConfiguration.class.getName() + ".xml");
        Files.writeString(
                file.toPath(),
                "<?xml version='1.1' encoding='UTF-8'?>\n<" + PlatformPasswordConfiguration.class.getName() + ">"
                        + "<baseUrl>https://eu2-cloud.example.com</baseUrl>"
                        + "</" + PlatformPasswordConfiguration.class.getName() + ">",
                StandardCharsets.UTF_8);

        PlatformPasswordConfiguration loaded = new PlatformPasswordConfiguration();

        assertThat(loaded.getPlatforms())
                .singleElement()
                .satisfies(migrated -> assertThat(migrated.getBaseUrl()).isEqualTo("https://eu2-cloud.example.com"));
        assertThat(loaded.getConnectTimeoutSeconds()).isEqualTo(10);
        assertThat(loaded.getRequestTimeoutSeconds()).isEqualTo(30);
        assertThat(loaded.isAllowPlainHttp()).isFalse();
        assertThat(loaded.systemRotations().isEmpty()).isTrue();
    }

    @Test
    void aBuildRecordWithoutEntriesReadsBackAsAnEmptySummary() {
        PasswordChangeSummary read = (PasswordChangeSummary)
                hudson.model.Run.XSTREAM2.fromXML("<" + PasswordChangeSummary.class.getName() + "/>");

        assertThat(read.getEntries()).isEmpty();
    }

    private FreeStyleProject fromXml(String name, String xml) throws Exception {
        return (FreeStyleProject)
                j.jenkins.createProjectFromXML(name, new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    /** A freestyle job as the REST API or Job DSL writes it: only the fields its author cared about. */
    private String minimalJob(String userId, String extra) {
        return "<?xml version='1.1' encoding='UTF-8'?>\n<project><builders>"
                + "<" + ChangePlatformPasswordStep.class.getName() + ">"
                + "<passwordCredentialsId>" + JenkinsPlatform.PASSWORD_ID + "</passwordCredentialsId>"
                + "<userId>" + userId + "</userId>"
                + "<credentialsId>" + JenkinsPlatform.API_CLIENT_ID + "</credentialsId>"
                + "<baseUrl>" + platform.url() + "</baseUrl>"
                + extra
                + "</" + ChangePlatformPasswordStep.class.getName() + ">"
                + "</builders></project>";
    }
}
