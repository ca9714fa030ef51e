package org.cyberreport.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * axe-core, the accessibility engine, run in the page the browser shows. It comes from the npm registry
 * as a tarball (npm is already needed by the tests, as the deployment checks fetch a schema the same way):
 * no JavaScript toolchain, and nothing of it reaches the console itself. It is injected by the driver,
 * which the page's Content-Security-Policy does not govern.
 */
final class Axe {

    static final String VERSION = "4.14.1";
    private static final Path HOME = Path.of("target", "axe-core-" + VERSION);

    /** WCAG 2.0, 2.1 and 2.2 at levels A and AA. */
    private static final String RUN = """
            const done = arguments[arguments.length - 1];
            axe.run(document, {resultTypes: ['violations'],
                               runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}})
              .then(results => done(results.violations
                  .filter(v => v.impact === 'serious' || v.impact === 'critical')
                  .map(v => v.impact + ' ' + v.id + ': ' + v.help + ' at ' + v.nodes.slice(0, 5).map(n => n.target.join(' ')).join(' | '))))
              .catch(failure => done(['axe-core failed: ' + failure]));
            """;

    private static String source;

    private Axe() {
    }

    /** The page's serious and critical violations, each as "impact rule: help at selectors"; none is the goal. */
    @SuppressWarnings("unchecked")
    static List<String> seriousViolations(WebDriver driver) throws IOException, InterruptedException {
        JavascriptExecutor page = (JavascriptExecutor) driver;
        page.executeScript(source());
        return (List<String>) page.executeAsyncScript(RUN);
    }

    private static synchronized String source() throws IOException, InterruptedException {
        if (source == null) {
            Path script = HOME.resolve("package").resolve("axe.min.js");
            if (!Files.exists(script)) {
                fetch();
            }
            source = Files.readString(script);
        }
        return source;
    }

    private static void fetch() throws IOException, InterruptedException {
        Files.createDirectories(HOME);
        String tarball = "axe-core-" + VERSION + ".tgz";
        run("npm", "pack", "--silent", "axe-core@" + VERSION);
        run("tar", "xzf", tarball);
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(HOME.toFile()).inheritIO()
                .redirectInput(RunningPlatform.NO_INPUT).start();
        if (!process.waitFor(3, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " failed in " + HOME.toAbsolutePath());
        }
    }
}
