package app.backbone.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class KeycloakDistributionTest {

    @Test
    void featureVersionIsReadFromAJdkReleaseFile() {
        assertEquals(Optional.of(25), KeycloakDistribution.featureVersion("IMPLEMENTOR=\"Eclipse Adoptium\"\n"
                + "JAVA_VERSION=\"25.0.1\"\nJAVA_VERSION_DATE=\"2025-10-21\"\n"));
        assertEquals(Optional.of(21), KeycloakDistribution.featureVersion("JAVA_VERSION=\"21\"\n"));
        assertEquals(Optional.of(8), KeycloakDistribution.featureVersion("JAVA_VERSION=\"1.8.0_442\"\n"));
        assertEquals(Optional.empty(), KeycloakDistribution.featureVersion("IMPLEMENTOR=\"Someone\"\n"));
    }
}
