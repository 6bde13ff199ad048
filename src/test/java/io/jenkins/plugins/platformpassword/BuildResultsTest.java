package io.jenkins.plugins.platformpassword;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.sf.json.JSONArray;
import net.sf.json.JSONObject;
import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlPage;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * What a rotation by login on a named platform leaves for people and tools: the build page's
 * table and the build's REST API name the platform, the login and the rotated credential, and
 * neither holds a secret.
 */
@WithJenkins
class BuildResultsTest {

    private JenkinsRule j;
    private JenkinsPlatform platform;
    private WorkflowRun run;
    private String generated;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        j = rule;
        platform = new JenkinsPlatform(rule);
        PlatformPasswordConfiguration global = PlatformPasswordConfiguration.get();
        global.setPlatforms(List.of(new PlatformDefinition("eu2", platform.url(), JenkinsPlatform.API_CLIENT_ID)));
        // This build runs as SYSTEM; RotationSecurityTest covers who may rotate without this opt-in.
        global.setRotationAsSystem(JenkinsPlatform.PASSWORD_ID);
        WorkflowJob job = j.createProject(WorkflowJob.class, "rotate-by-login");
        job.setDefinition(new CpsFlowDefinition(
                "changePlatformPassword(platform: 'eu2', userLogin: 'customer-user', passwordCredentialsId: '"
                        + JenkinsPlatform.PASSWORD_ID + "', generatePassword: true)",
                true));
        run = j.buildAndAssertSuccess(job);
        generated = platform.simulator.passwordOf(platform.customerUser).orElseThrow();
    }

    @AfterEach
    void tearDown() {
        platform.close();
    }

    @Test
    void theRestApiListsTheLoginAndTheRotatedCredentialAndNoSecret() throws Exception {
        JSONObject json = j.getJSON(run.getUrl() + "api/json?tree=actions[_class,entries[*]]")
                .getJSONObject();

        JSONObject entry = summaryEntries(json).getJSONObject(0);
        assertThat(entry.getString("platform")).isEqualTo("eu2");
        assertThat(entry.getString("userId")).isEqualTo(platform.customerUser);
        assertThat(entry.getString("login")).isEqualTo("customer-user");
        assertThat(entry.getString("rotatedCredentialId")).isEqualTo(JenkinsPlatform.PASSWORD_ID);
        assertThat(entry.getString("outcome")).startsWith("rotated");
        String whole = j.getJSON(run.getUrl() + "api/json?depth=3").getContentAsString();
        assertThat(whole)
                .doesNotContain(
                        generated,
                        JenkinsPlatform.NEW_PASSWORD,
                        JenkinsPlatform.CLIENT_SECRET,
                        platform.lastAccessToken());
    }

    @Test
    void theBuildPageShowsThePlatformOfEachChange() throws Exception {
        HtmlPage page = j.createWebClient().getPage(run);

        // The build page puts every summary inside one outer table, so the summary's own table is the one whose
        // own head names the column; its rows are read from its own body only.
        DomNode table = page.getFirstByXPath(
                "//table[contains(@class,'jenkins-table')][thead/tr/th[normalize-space()='Platform']]");
        assertThat(table).as("the summary's table on the build page").isNotNull();
        List<String> headers = texts(table, "./thead/tr/th");
        List<String> cells = texts(table, "./tbody/tr[1]/td");
        assertThat(cells).hasSameSizeAs(headers);
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < headers.size(); i++) {
            row.put(headers.get(i), cells.get(i));
        }
        assertThat(row)
                .containsEntry("Platform", "eu2")
                .containsEntry("User id", platform.customerUser)
                .containsEntry("Login", "customer-user")
                .containsEntry("Credential updated", JenkinsPlatform.PASSWORD_ID);
        assertThat(page.getWebResponse().getContentAsString())
                .doesNotContain(generated, JenkinsPlatform.NEW_PASSWORD, JenkinsPlatform.CLIENT_SECRET);
    }

    private static JSONArray summaryEntries(JSONObject build) {
        for (Object action : build.getJSONArray("actions")) {
            if (action instanceof JSONObject object
                    && PasswordChangeSummary.class.getName().equals(object.optString("_class"))) {
                JSONArray entries = object.getJSONArray("entries");
                assertThat(entries.size()).as("entries in %s", object).isEqualTo(1);
                return entries;
            }
        }
        throw new AssertionError("no summary action in " + build);
    }

    private static List<String> texts(DomNode within, String xpath) {
        return within.<DomNode>getByXPath(xpath).stream()
                .map(node -> node.getTextContent().trim())
                .toList();
    }
}
