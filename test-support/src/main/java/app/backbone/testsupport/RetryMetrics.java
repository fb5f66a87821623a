package app.backbone.testsupport;

import static io.restassured.RestAssured.given;

/** What SmallRye Fault Tolerance reports about retries in the service's own metrics ({@code /q/metrics}). */
public final class RetryMetrics {

    private RetryMetrics() {
    }

    /** How often the method (e.g. {@code CatalogReadModel.apply}) has been retried since the service started. */
    public static double retries(String classAndMethod) {
        return given().when().get("/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(line -> line.startsWith("ft_retry_retries_total") && line.contains(classAndMethod))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
