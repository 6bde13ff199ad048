package io.jenkins.plugins.platformpassword;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.hudson.plugins.folder.Folder;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.domains.Domain;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import hudson.model.FreeStyleProject;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import hudson.util.Secret;
import io.jenkins.plugins.platformpassword.simulator.ApiClient;
import java.util.List;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The forms of a customer folder, and of a job in it, list and accept that folder's credentials
 * and what the Credentials plugin lets it see above (the Jenkins store), never another folder's;
 * the step's platform dropdown offers the folder's platforms, never another folder's.
 */
@WithJenkins
class FolderFormsTest {

    private JenkinsRule j;
    private JenkinsPlatform platform;
    private Folder acme;
    private Folder globex;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        j = rule;
        platform = new JenkinsPlatform(rule);
        acme = customer("acme", "eu2");
        globex = customer("globex", "globex-only");
    }

    @AfterEach
    void tearDown() {
        platform.close();
    }

    @Test
    void aFoldersPlatformDropdownListsItsOwnAndTheJenkinsCredentialsOnly() {
        PlatformDefinition.DescriptorImpl form = j.jenkins.getDescriptorByType(PlatformDefinition.DescriptorImpl.class);

        assertThat(ids(form.doFillCredentialsIdItems(acme, "", "")))
                .contains("acme-api-client", JenkinsPlatform.API_CLIENT_ID)
                .doesNotContain("globex-api-client");
        assertThat(ids(form.doFillCredentialsIdItems(globex, "", "")))
                .contains("globex-api-client", JenkinsPlatform.API_CLIENT_ID)
                .doesNotContain("acme-api-client");
    }

    @Test
    void aFoldersPlatformCheckAcceptsItsOwnAndTheJenkinsCredentialsAndRefusesAnotherFolders() {
        PlatformDefinition.DescriptorImpl form = j.jenkins.getDescriptorByType(PlatformDefinition.DescriptorImpl.class);

        assertThat(form.doCheckCredentialsId(acme, "acme-api-client", platform.url()).kind)
                .isEqualTo(FormValidation.Kind.OK);
        assertThat(form.doCheckCredentialsId(acme, JenkinsPlatform.API_CLIENT_ID, platform.url()).kind)
                .isEqualTo(FormValidation.Kind.OK);
        FormValidation other = form.doCheckCredentialsId(acme, "globex-api-client", platform.url());
        assertThat(other.kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(other.getMessage()).contains("globex-api-client", "is available here");
    }

    @Test
    void aJobsStepFormInAFolderSeesThatFoldersCredentialsAndPlatformsOnly() throws Exception {
        FreeStyleProject job = acme.createProject(FreeStyleProject.class, "rotate");
        ChangePlatformPasswordStep.DescriptorImpl form =
                j.jenkins.getDescriptorByType(ChangePlatformPasswordStep.DescriptorImpl.class);

        assertThat(form.doFillPlatformItems(job)).containsExactly("eu2");
        assertThat(form.doCheckPlatform(job, "globex-only").kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(ids(form.doFillCredentialsIdItems(job, "", "", "eu2")))
                .contains("acme-api-client", JenkinsPlatform.API_CLIENT_ID)
                .doesNotContain("globex-api-client");
        assertThat(ids(form.doFillPasswordCredentialsIdItems(job, "", "", "", "eu2")))
                .as("the folder's and Jenkins' passwords, without the platform's own API client")
                .contains("acme-user-password", JenkinsPlatform.PASSWORD_ID)
                .doesNotContain("globex-user-password", "acme-api-client");
        assertThat(form.doCheckCredentialsId(job, "", "", "eu2").getMessage())
                .as("an empty field uses the folder platform's credential")
                .contains("acme-api-client");
        assertThat(form.doCheckCredentialsId(job, "globex-api-client", "", "eu2").kind)
                .isEqualTo(FormValidation.Kind.ERROR);
        assertThat(form.doCheckPasswordCredentialsId(job, "globex-user-password", "", "", "eu2").kind)
                .isEqualTo(FormValidation.Kind.ERROR);
        assertThat(form.doCheckPasswordCredentialsId(job, "acme-user-password", "", "", "eu2").kind)
                .isEqualTo(FormValidation.Kind.OK);
    }

    /** A folder with its own API client and password credentials, and one platform of its own with that client. */
    private Folder customer(String name, String platformName) throws Exception {
        ApiClient client = platform.simulator.addApiClient(platform.partnerTenant);
        Folder folder = j.createProject(Folder.class, name);
        RotationStepTest.storeOf(folder)
                .addCredentials(
                        Domain.global(),
                        new UsernamePasswordCredentialsImpl(
                                CredentialsScope.GLOBAL,
                                name + "-api-client",
                                name,
                                client.clientId(),
                                client.secret()));
        RotationStepTest.storeOf(folder)
                .addCredentials(
                        Domain.global(),
                        new StringCredentialsImpl(
                                CredentialsScope.GLOBAL,
                                name + "-user-password",
                                name,
                                Secret.fromString("Passw0rd-of-" + name)));
        FolderPlatforms platforms = new FolderPlatforms();
        platforms.setPlatforms(List.of(new PlatformDefinition(platformName, platform.url(), name + "-api-client")));
        folder.addProperty(platforms);
        return folder;
    }

    private static List<String> ids(ListBoxModel model) {
        return model.stream().map(option -> option.value).toList();
    }

    /**
     * A freestyle job may pick its platform with a build variable, which the form can only check
     * when the build runs; a variable in the data center URL is refused there as every build
     * refuses it.
     */
    @Test
    void aVariableMayNameThePlatformButNeverTheUrl() throws Exception {
        FreeStyleProject job = acme.createProject(FreeStyleProject.class, "rotate-by-parameter");
        ChangePlatformPasswordStep.DescriptorImpl form =
                j.jenkins.getDescriptorByType(ChangePlatformPasswordStep.DescriptorImpl.class);

        assertThat(form.doCheckPlatform(job, "${PLATFORM}").kind).isEqualTo(FormValidation.Kind.OK);
        FormValidation url = form.doCheckBaseUrl(job, "", "${PLATFORM}");
        assertThat(url.kind).isEqualTo(FormValidation.Kind.OK);
        assertThat(url.getMessage()).contains("when the build runs");
        assertThat(form.doCheckCredentialsId(job, "", "", "${PLATFORM}").kind).isEqualTo(FormValidation.Kind.OK);

        FormValidation variableUrl = form.doCheckBaseUrl(job, "https://${DC}.example.com", "");
        assertThat(variableUrl.kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(variableUrl.getMessage()).contains("baseUrl", "not expanded");
    }

    /**
     * A folder's form submits every property's section, ours too: a folder saved without platforms
     * keeps no empty property (which would stay in its config.xml as "old data" once the plugin is
     * removed), and one with platforms keeps them.
     */
    @Test
    void savingAFolderWithoutPlatformsAddsNoProperty() throws Exception {
        Folder plain = j.jenkins.createProject(Folder.class, "initech");

        j.configRoundtrip(plain);
        j.configRoundtrip(acme);

        assertThat(plain.getProperties().get(FolderPlatforms.class)).isNull();
        assertThat(acme.getProperties().get(FolderPlatforms.class).getPlatforms())
                .extracting(PlatformDefinition::getName)
                .containsExactly("eu2");
    }
}
