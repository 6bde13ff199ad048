package io.jenkins.plugins.platformpassword.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SimulatorOptionsTest {

    @Test
    void withoutArgumentsItListensOnTheDocumentedPortWithoutALog() throws Exception {
        assertThat(SimulatorOptions.parse()).isEqualTo(new SimulatorOptions(18089, false, false));
    }

    @Test
    void readsEveryOptionInBothSpellings() throws Exception {
        assertThat(SimulatorOptions.parse("--port", "8123", "--log"))
                .isEqualTo(new SimulatorOptions(8123, true, false));
        assertThat(SimulatorOptions.parse("--log", "--port=0")).isEqualTo(new SimulatorOptions(0, true, false));
        assertThat(SimulatorOptions.parse("--port", "65535").port()).isEqualTo(65535);
        assertThat(SimulatorOptions.parse("--help").help()).isTrue();
        assertThat(SimulatorOptions.parse("-h").help()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "--port abc      | --port expects a number from 0 to 65535, not 'abc'",
                "--port 70000    | --port must be from 0 to 65535 (0 picks a free port), not 70000",
                "--port 99999999999 | --port must be from 0 to 65535 (0 picks a free port), not 99999999999",
                "--port -1       | --port expects a number from 0 to 65535, not '-1'",
                "--port +80      | --port expects a number from 0 to 65535, not '+80'",
                "--port=         | --port expects a number from 0 to 65535, not ''",
                "--port          | --port needs a value, e.g. --port 18089",
                "--port 1 --port 2 | --port is given twice",
                "--frobnicate    | unknown option '--frobnicate'",
                "-p              | unknown option '-p'",
                "18089           | unexpected argument '18089'; options start with --",
                "--log=yes       | --log takes no value, but got '--log=yes'",
            })
    void aBadCommandLineIsRefusedWithAMessageNamingTheOption(String commandLine, String message) {
        assertThatThrownBy(() -> SimulatorOptions.parse(commandLine.strip().split(" +")))
                .isInstanceOf(SimulatorOptions.InvalidOption.class)
                .hasMessage(message)
                .hasNoCause();
    }

    @Test
    void digitsOfOtherScriptsAreNotAPort() {
        // Integer.parseInt would read these Arabic-Indic digits as 80.
        assertThatThrownBy(() -> SimulatorOptions.parse("--port", "\u0668\u0660"))
                .isInstanceOf(SimulatorOptions.InvalidOption.class)
                .hasMessageStartingWith("--port expects a number");
    }

    @Test
    void theUsageNamesEveryOption() {
        assertThat(SimulatorOptions.USAGE).contains("--port N", "--log", "--help", "(default 18089)");
    }
}
