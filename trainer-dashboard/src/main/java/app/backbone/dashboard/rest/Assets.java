package app.backbone.dashboard.rest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

import io.quarkus.qute.TemplateGlobal;

/** Where the pages load uPlot from: the webjar on the class path, served by the dashboard itself. */
@TemplateGlobal
public final class Assets {

    /** {@code /webjars/uplot/<version>/dist/}, the version read from the webjar's own Maven metadata. */
    static final String uplot = "/webjars/uplot/" + webjarVersion("org.webjars.npm", "uplot") + "/dist/";

    private Assets() {
    }

    private static String webjarVersion(String groupId, String artifactId) {
        String path = "META-INF/maven/" + groupId + "/" + artifactId + "/pom.properties";
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("No " + path + " on the class path");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
