package app.backbone.webhook.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The URL rules as a deployment that does not allow private targets applies them, with names resolved by a stub. */
class TargetGuardTest {

    private static final Map<String, List<String>> NAMES = Map.of(
            "hooks.example.com", List.of("93.184.215.14", "2606:2800:21f:cb07:6820:80da:af6b:8b2c"),
            "mixed.example.com", List.of("93.184.215.14", "10.1.2.3"),
            "metadata.example.com", List.of("169.254.169.254"));

    private final TargetGuard strict = new TargetGuard(false, TargetGuardTest::resolve);
    private final TargetGuard lenient = new TargetGuard(true, TargetGuardTest::resolve);

    @Test
    void aPublicHttpsUrlIsAllowed() throws TargetGuard.Refused {
        TargetGuard.Target target = strict.check("https://hooks.example.com/backbone?x=1");
        assertEquals("hooks.example.com", target.uri().getHost());
        assertEquals("hooks.example.com", target.host());
        assertEquals("93.184.215.14", target.address().getHostAddress(), "the address checked, to connect to");
    }

    @Test
    void aNameThatTurnsPrivateIsRefusedWhenCheckedAgain() throws Exception {
        Iterator<String> answers = List.of("93.184.215.14", "127.0.0.1").iterator();
        TargetGuard rebinding = new TargetGuard(false, host -> List.of(InetAddress.getByName(answers.next())));
        assertEquals("93.184.215.14", rebinding.check("https://hooks.rebind.test/").address().getHostAddress());
        assertEquals("private-address", assertThrows(TargetGuard.Refused.class,
                () -> rebinding.check("https://hooks.rebind.test/")).rule());
    }

    @ParameterizedTest
    @CsvSource({
            "http://hooks.example.com/, https-required",
            "ftp://hooks.example.com/, https-required",
            "hooks.example.com/path, https-required",
            "https://user:pw@hooks.example.com/, url-syntax",
            "https://nowhere.invalid/, unresolvable-host",
            "https://127.0.0.1/, private-address",
            "https://localhost/, private-address",
            "https://10.0.0.7/, private-address",
            "https://172.16.4.4/, private-address",
            "https://192.168.1.1/, private-address",
            "https://169.254.10.10/, private-address",
            "https://100.64.0.1/, private-address",
            "https://0.0.0.0/, private-address",
            "https://[::1]/, private-address",
            "https://[fe80::1]/, private-address",
            "https://[fd12:3456::1]/, private-address",
            "https://[::ffff:10.0.0.1]/, private-address",
            "https://mixed.example.com/, private-address",
            "https://169.254.169.254/latest/meta-data/, metadata-address",
            "https://[fd00:ec2::254]/, metadata-address",
            "https://metadata.example.com/, metadata-address"
    })
    void aRefusedUrlNamesTheRuleItBreaks(String url, String rule) {
        assertEquals(rule, assertThrows(TargetGuard.Refused.class, () -> strict.check(url)).rule());
    }

    @Test
    void allowingPrivateTargetsAllowsHttpAndLoopbackButNeverMetadata() throws TargetGuard.Refused {
        assertEquals(8080, lenient.check("http://127.0.0.1:8080/hook").uri().getPort());
        assertEquals("::1", lenient.check("http://[::1]:8080/hook").host());
        assertEquals("metadata-address", assertThrows(TargetGuard.Refused.class,
                () -> lenient.check("http://169.254.169.254/")).rule());
        assertEquals("metadata-address", assertThrows(TargetGuard.Refused.class,
                () -> lenient.check("http://[fd00:ec2::254]/")).rule());
    }

    private static List<InetAddress> resolve(String host) throws UnknownHostException {
        if (host.endsWith(".invalid")) {
            throw new UnknownHostException(host);
        }
        List<String> literals = NAMES.getOrDefault(host, List.of(host));
        List<InetAddress> addresses = new ArrayList<>();
        for (String literal : literals) {
            addresses.add(InetAddress.getByName(literal));
        }
        return addresses;
    }
}
