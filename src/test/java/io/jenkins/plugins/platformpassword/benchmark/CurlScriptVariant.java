package io.jenkins.plugins.platformpassword.benchmark;

import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What a curl script pays: {@code curl} for the token, the token taken out of the JSON (jq's
 * job; here Gson's), then {@code curl} for the change. Two processes, two new connections, two
 * TCP and TLS handshakes (HTTP/2 by ALPN where curl has it). The credentials, the token and the
 * password go to curl on its standard input ({@code -K -}), as a careful script passes them, so
 * that they never show in a process list; the test CA's certificate (public) is in a temporary
 * file for {@code --cacert}.
 */
final class CurlScriptVariant implements Variant {

    private static final long CURL_LIMIT_SECONDS = 30;

    private final NetworkPlatform platform;
    private final String curl;
    private final Path caFile;

    CurlScriptVariant(NetworkPlatform platform, String curl) {
        this.platform = platform;
        this.curl = curl;
        this.caFile = writeCaCertificate(platform);
    }

    /** Whether {@code curl --version} runs. */
    static boolean available(String curl) {
        try {
            Process process = new ProcessBuilder(curl, "--version")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return process.waitFor(CURL_LIMIT_SECONDS, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public String name() {
        return "curl-script";
    }

    @Override
    public String description() {
        return "curl for the token, then curl for the change (two processes, two new connections)";
    }

    @Override
    public void changeOnce() throws Exception {
        String tokenAnswer = run(
                List.of(platform.tokenUri().toString()),
                "user = \"" + quoted(platform.apiClient.clientId() + ":" + platform.apiClient.secret()) + "\"\n"
                        + "data = \"grant_type=client_credentials\"\n");
        String token = JsonParser.parseString(tokenAnswer)
                .getAsJsonObject()
                .get("access_token")
                .getAsString();
        String status = run(
                List.of(
                        "-o",
                        "/dev/null",
                        "-w",
                        "%{http_code}",
                        platform.passwordUri().toString()),
                "header = \"" + quoted("Authorization: Bearer " + token) + "\"\n"
                        + "header = \"Content-Type: application/json\"\n"
                        + "data = \"" + quoted(BenchmarkPlatform.PASSWORD_JSON) + "\"\n");
        if (!status.equals("204")) {
            throw new IllegalStateException("curl's password request answered " + status);
        }
    }

    /** Runs curl with the given arguments and its secret configuration on stdin; returns what it printed. */
    private String run(List<String> arguments, String configuration) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(
                List.of(curl, "-sS", "--max-time", "30", "--cacert", caFile.toString(), "-K", "-"));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(configuration.getBytes(StandardCharsets.UTF_8));
        }
        String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(CURL_LIMIT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("curl did not end within " + CURL_LIMIT_SECONDS + " s");
        }
        if (process.exitValue() != 0) {
            // Its output may hold the token; only the exit status is shown.
            throw new IllegalStateException("curl ended with exit status " + process.exitValue());
        }
        return printed;
    }

    /** A value inside double quotes of a curl configuration, where backslash escapes apply. */
    private static String quoted(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static Path writeCaCertificate(NetworkPlatform platform) {
        try {
            Path file = Files.createTempFile("benchmark-test-ca", ".pem");
            file.toFile().deleteOnExit();
            String pem = "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(platform.ca.certificate().getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
            Files.writeString(file, pem, StandardCharsets.US_ASCII);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the test CA's certificate for curl", e);
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("cannot encode the test CA's certificate", e);
        }
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(caFile);
        } catch (IOException e) {
            // deleteOnExit takes it then
        }
    }
}
