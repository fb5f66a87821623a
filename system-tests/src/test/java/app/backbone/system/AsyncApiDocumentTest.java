package app.backbone.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaId;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;

/**
 * Holds the platform's AsyncAPI document ({@code asyncapi.yaml} at the repository root) to the code. Its channels
 * are exactly the topics the modules declare: the constants of their {@code *Topic} and {@code *Topics} classes, and
 * the {@code mp.messaging} channels and dead-letter topics of their {@code application.properties}. Its operations
 * are the sends and receives of that configuration and of the modules' outbox writes, with the configured consumer
 * groups. Its payloads are the modules' published JSON Schema contracts, the files the services' contract tests load.
 * <p>
 * What is documented before its code is merged passes on its contract alone: a channel whose payload contract names
 * it, and a send by the module that publishes that contract. Parties that are no module of the repository (chains'
 * systems, operators, the planned webhook-service) are not held to code; a module of that name is, once it exists.
 */
class AsyncApiDocumentTest {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Pattern CONSTANT = Pattern.compile("public static final String (\\w+) = \"([^\"]+)\";");
    private static final Pattern CHANNEL_SETTING =
            Pattern.compile("mp\\.messaging\\.(incoming|outgoing)\\.(?:\"([^\"]+)\"|([^.\"]+))\\.(.+)");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}:]+)(?::([^}]*))?}");
    private static final Pattern OUTBOX_WRITE = Pattern.compile("outbox\\.(?:add|replace)\\(\\s*(?:(\\w+)\\.(\\w+))?");
    private static final Pattern NEW_TOPIC = Pattern.compile("Topics\\.(?:declare|deadLetters)\\(\\s*(\\w+)([^;]*);");
    private static final Pattern SCHEMA_FILE = Pattern.compile("\"([^\"]+\\.schema\\.json)\"");
    private static final Pattern CONTRACT_KEY = Pattern.compile("key = (.+?)[),]");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode document;
    private static List<Path> modules;

    /** One party sending to or receiving from one topic. */
    private record Use(String party, String action, String topic) {
    }

    /** An {@code mp.messaging} channel of a module's configuration, its settings' placeholders resolved. */
    private record ConfiguredChannel(String module, String direction, String name, Map<String, String> settings) {

        String topic() {
            return settings.getOrDefault("topic", name);
        }

        /**
         * The topics the channel reads or writes: its topic, or for a pattern subscription every documented address
         * the pattern matches, a parameter like {@code {tenantId}} standing for a sample value.
         */
        List<String> topics() {
            if (!"true".equals(settings.get("pattern"))) {
                return List.of(topic());
            }
            Pattern subscribed = Pattern.compile(topic());
            return channels().keySet().stream()
                    .filter(address -> subscribed.matcher(address.replaceAll("\\{\\w+}", "sample-1")).matches())
                    .toList();
        }

        Optional<String> deadLetterTopic() {
            return "dead-letter-queue".equals(settings.get("failure-strategy"))
                    ? Optional.of(settings.getOrDefault("dead-letter-queue.topic", "dead-letter-topic-" + name))
                    : Optional.empty();
        }
    }

    @BeforeAll
    static void read() throws IOException {
        document = new ObjectMapper(new YAMLFactory()).readTree(ROOT.resolve("asyncapi.yaml").toFile());
        try (Stream<Path> dirs = Files.list(ROOT)) {
            modules = dirs.filter(dir -> Files.exists(dir.resolve("pom.xml"))).sorted().toList();
        }
    }

    @Test
    void theChannelsAreExactlyTheTopicsTheModulesDeclare() throws IOException {
        Set<String> declared = new TreeSet<>();
        for (Path module : modules) {
            declared.addAll(topicConstants(module).values());
            for (ConfiguredChannel channel : configuredChannels(module)) {
                declared.addAll(channel.topics());
                channel.deadLetterTopic().ifPresent(declared::add);
            }
        }
        Set<String> documented = channels().keySet();
        assertEquals(Set.of(), minus(declared, documented), "topics declared in code or configuration but not here");
        for (String topic : minus(documented, declared)) {
            assertTrue(contract(topic).map(c -> names(c.path("description").asText(), topic)).orElse(false),
                    topic + " is declared in no code or configuration, and its payload contract does not name it");
        }
    }

    @Test
    void everyChannelIsAddressedByItsTopicKeyedAndBothWrittenAndRead() {
        Set<Use> uses = operations().keySet();
        channels().forEach((id, channel) -> {
            assertEquals(id, channel.path("address").asText(), "address of " + id);
            assertFalse(messages(channel).isEmpty(), id + " has no message");
            for (JsonNode message : messages(channel)) {
                assertFalse(message.at("/bindings/kafka/key/description").asText().isBlank(),
                        "key description of " + message.path("name").asText() + " on " + id);
            }
            assertTrue(Set.of("[\"compact\"]", "[\"delete\"]").contains(policy(channel)), "cleanup policy of " + id);
            assertTrue(uses.stream().anyMatch(use -> use.topic().equals(id) && use.action().equals("send")),
                    "nobody sends to " + id);
            assertTrue(uses.stream().anyMatch(use -> use.topic().equals(id) && use.action().equals("receive")),
                    "nobody receives from " + id);
        });
    }

    @Test
    void topicsAreDocumentedWithTheCleanupPolicyTheModulesCreateThemWith() throws IOException {
        Map<String, String> created = new TreeMap<>();
        for (Path module : modules) {
            Map<String, String> constants = topicConstants(module);
            for (Path file : topicClasses(module)) {
                String className = className(file);
                Matcher bean = NEW_TOPIC.matcher(Files.readString(file));
                while (bean.find()) {
                    String topic = constants.get(className + "." + bean.group(1));
                    assertNotNull(topic, file + " creates a topic named by no constant: " + bean.group(1));
                    String policy = bean.group(2).contains("CLEANUP_POLICY_COMPACT") ? "[\"compact\"]" : "[\"delete\"]";
                    String other = created.put(topic, policy);
                    assertTrue(other == null || other.equals(policy), topic + " is created both " + other + " and "
                            + policy);
                }
            }
        }
        assertFalse(created.isEmpty(), "no declared topic found");
        created.forEach((topic, policy) -> {
            assertNotNull(channels().get(topic), topic + " is created but not documented");
            assertEquals(policy, policy(channels().get(topic)), "cleanup policy of " + topic);
        });
    }

    @Test
    void payloadsAreExactlyThePublishedContractsAndAgreeWithThem() throws IOException {
        Set<Path> referenced = new TreeSet<>();
        JsonSchema metaSchema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(SchemaLocation.of(SchemaId.V202012));
        for (Map.Entry<String, JsonNode> channel : channels().entrySet()) {
            for (JsonNode message : messages(channel.getValue())) {
                Optional<Path> file = payloadFile(message);
                if (file.isEmpty()) {
                    continue;
                }
                referenced.add(file.get());
                assertTrue(Files.exists(file.get()), file.get() + " does not exist");
                JsonNode schema = JSON.readTree(file.get().toFile());
                assertEquals(SchemaId.V202012, schema.path("$schema").asText(), file.get() + " $schema");
                assertEquals(Set.of(), metaSchema.validate(schema), file.get() + " against the 2020-12 meta-schema");
                assertEquals(schema.path("title").asText(), message.path("name").asText(), "title of " + file.get());
                String description = schema.path("description").asText();
                assertTrue(names(description, channel.getKey()), file.get() + " names " + channel.getKey());
                Matcher key = CONTRACT_KEY.matcher(description);
                assertTrue(key.find(), file.get() + " states the record key");
                assertTrue(message.at("/bindings/kafka/key/description").asText().contains(key.group(1)),
                        "key of " + channel.getKey() + " is " + key.group(1) + " as its contract says");
                assertEquals(description.contains("compacted"), policy(channel.getValue()).equals("[\"compact\"]"),
                        "compaction of " + channel.getKey() + " as its contract says");
            }
        }
        assertEquals(publishedContracts(), referenced, "every published contract is a payload, and only those are");
    }

    @Test
    void theSchemasTheServicesAreTestedAgainstAreThePayloadsOrCopiesOfThem() throws IOException {
        Set<Path> published = publishedContracts();
        List<JsonNode> contents = new ArrayList<>();
        for (Path file : published) {
            contents.add(JSON.readTree(file.toFile()));
        }
        List<Path> tested = new ArrayList<>();
        for (Path module : modules) {
            for (Path source : sources(module.resolve("src/test/java"))) {
                Matcher literal = SCHEMA_FILE.matcher(Files.readString(source));
                while (literal.find()) {
                    tested.add(module.resolve(literal.group(1)).normalize());
                }
            }
        }
        assertFalse(tested.isEmpty(), "no test loads a schema file");
        for (Path file : tested) {
            assertTrue(Files.exists(file), file + " is loaded by a test but does not exist");
            assertTrue(published.contains(file) || contents.contains(JSON.readTree(file.toFile())),
                    file + " is loaded by a test but is neither a payload here nor a copy of one");
        }
    }

    @Test
    void operationsAreTheSendsAndReceivesOfTheModules() throws IOException {
        Set<Use> inCode = new HashSet<>();
        for (Path module : modules) {
            String name = module.getFileName().toString();
            for (ConfiguredChannel channel : configuredChannels(module)) {
                channel.topics().forEach(topic -> inCode.add(new Use(name,
                        channel.direction().equals("incoming") ? "receive" : "send", topic)));
                channel.deadLetterTopic().ifPresent(topic -> inCode.add(new Use(name, "send", topic)));
            }
            outboxTopics(module).forEach(topic -> inCode.add(new Use(name, "send", topic)));
        }
        Set<Use> documented = operations().keySet();
        assertEquals(Set.of(), minus(inCode, documented), "sends and receives in code but not here");

        Set<String> moduleNames = modules.stream().map(m -> m.getFileName().toString()).collect(Collectors.toSet());
        for (Use use : minus(documented, inCode)) {
            assertTrue(!moduleNames.contains(use.party()) || use.action().equals("send")
                    && publishesContractOf(use.party(), use.topic()),
                    use + " is in neither the module's code nor its configuration, nor a send of its own contract");
        }
    }

    @Test
    void receivesNameTheConsumerGroupsTheModulesConfigure() throws IOException {
        Map<Use, JsonNode> operations = operations();
        for (Path module : modules) {
            for (ConfiguredChannel channel : configuredChannels(module)) {
                if (channel.direction().equals("incoming")) {
                    for (String topic : channel.topics()) {
                        Use use = new Use(channel.module(), "receive", topic);
                        assertNotNull(operations.get(use), "no operation " + use);
                        assertEquals(List.of(channel.settings().get("group.id")),
                                values(operations.get(use).at("/bindings/kafka/groupId/enum")), "group of " + use);
                    }
                }
            }
        }
    }

    /** The {@code contracts/*.schema.json} files of every module. */
    private static Set<Path> publishedContracts() throws IOException {
        Set<Path> published = new TreeSet<>();
        for (Path module : modules) {
            Path contracts = module.resolve("contracts");
            if (Files.isDirectory(contracts)) {
                try (Stream<Path> files = Files.list(contracts)) {
                    files.filter(file -> file.toString().endsWith(".schema.json")).forEach(published::add);
                }
            }
        }
        return published;
    }

    private static Map<String, JsonNode> channels() {
        Map<String, JsonNode> channels = new TreeMap<>();
        document.path("channels").fields().forEachRemaining(e -> channels.put(e.getKey(), e.getValue()));
        return channels;
    }

    /** Every operation by the party it names (its one tag), its action and its channel's address. */
    private static Map<Use, JsonNode> operations() {
        Map<Use, JsonNode> operations = new LinkedHashMap<>();
        document.path("operations").fields().forEachRemaining(e -> {
            JsonNode operation = e.getValue();
            assertEquals(1, operation.path("tags").size(), e.getKey() + " names one party by its tag");
            Use use = new Use(resolve(operation.path("tags").get(0)).path("name").asText(),
                    operation.path("action").asText(), resolve(operation.path("channel")).path("address").asText());
            assertTrue(operations.put(use, operation) == null, "two operations are " + use);
        });
        return operations;
    }

    private static List<JsonNode> messages(JsonNode channel) {
        List<JsonNode> messages = new ArrayList<>();
        channel.path("messages").forEach(message -> messages.add(resolve(message)));
        return messages;
    }

    private static String policy(JsonNode channel) {
        return channel.at("/bindings/kafka/topicConfiguration").path("cleanup.policy").toString();
    }

    private static Optional<Path> payloadFile(JsonNode message) {
        String ref = message.at("/payload/$ref").asText();
        return ref.isEmpty() || ref.startsWith("#") ? Optional.empty() : Optional.of(ROOT.resolve(ref).normalize());
    }

    private static List<Path> payloadFiles(JsonNode channel) {
        return messages(channel).stream().flatMap(message -> payloadFile(message).stream()).toList();
    }

    /** Whether the topic's payloads are all contracts the module publishes (in its {@code contracts} directory). */
    private static boolean publishesContractOf(String module, String topic) {
        List<Path> files = payloadFiles(channels().get(topic));
        Path contracts = ROOT.resolve(module).resolve("contracts");
        return !files.isEmpty() && files.stream().allMatch(file -> file.startsWith(contracts));
    }

    private static Optional<JsonNode> contract(String topic) throws IOException {
        List<Path> files = payloadFiles(channels().get(topic));
        return files.isEmpty() ? Optional.empty() : Optional.of(JSON.readTree(files.get(0).toFile()));
    }

    private static JsonNode resolve(JsonNode node) {
        return node.has("$ref") ? document.at(node.get("$ref").asText().substring(1)) : node;
    }

    /** Whether the text names the topic itself, not a longer topic name it starts or ends. */
    private static boolean names(String text, String topic) {
        return Pattern.compile("(?<![\\w.-])" + Pattern.quote(topic) + "(?![\\w-]|\\.\\w)").matcher(text).find();
    }

    private static List<String> values(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private static <T> Set<T> minus(Set<T> a, Set<T> b) {
        return a.stream().filter(item -> !b.contains(item)).collect(Collectors.toSet());
    }

    private static List<ConfiguredChannel> configuredChannels(Path module) throws IOException {
        Path file = module.resolve("src/main/resources/application.properties");
        if (!Files.exists(file)) {
            return List.of();
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        }
        Map<List<String>, Map<String, String>> settings = new TreeMap<>(Comparator.comparing(List::toString));
        for (String key : properties.stringPropertyNames()) {
            Matcher setting = CHANNEL_SETTING.matcher(key);
            if (setting.matches()) {
                String name = setting.group(2) != null ? setting.group(2) : setting.group(3);
                settings.computeIfAbsent(List.of(setting.group(1), name), k -> new HashMap<>())
                        .put(setting.group(4), placeholdersResolved(properties, properties.getProperty(key)));
            }
        }
        String name = module.getFileName().toString();
        return settings.entrySet().stream()
                .map(e -> new ConfiguredChannel(name, e.getKey().get(0), e.getKey().get(1), e.getValue())).toList();
    }

    private static String placeholdersResolved(Properties properties, String value) {
        return PLACEHOLDER.matcher(value).replaceAll(placeholder -> Matcher.quoteReplacement(properties.getProperty(
                placeholder.group(1), placeholder.group(2) != null ? placeholder.group(2) : placeholder.group())));
    }

    /** Topic-name constants of the module's {@code *Topic} and {@code *Topics} classes, by {@code Class.NAME}. */
    private static Map<String, String> topicConstants(Path module) throws IOException {
        Map<String, String> constants = new HashMap<>();
        for (Path file : topicClasses(module)) {
            Matcher constant = CONSTANT.matcher(Files.readString(file));
            while (constant.find()) {
                constants.put(className(file) + "." + constant.group(1), constant.group(2));
            }
        }
        return constants;
    }

    /** The topics of the module's outbox writes, each named by a topic constant of the module or service-commons. */
    private static List<String> outboxTopics(Path module) throws IOException {
        Map<String, String> constants = new HashMap<>(topicConstants(ROOT.resolve("service-commons")));
        constants.putAll(topicConstants(module));
        List<String> topics = new ArrayList<>();
        for (Path file : sources(module.resolve("src/main/java"))) {
            Matcher write = OUTBOX_WRITE.matcher(Files.readString(file));
            while (write.find()) {
                String topic = constants.get(write.group(1) + "." + write.group(2));
                assertNotNull(topic, file + " writes to the outbox with a topic that is no topic constant: "
                        + write.group());
                topics.add(topic);
            }
        }
        return topics;
    }

    private static List<Path> topicClasses(Path module) throws IOException {
        return sources(module.resolve("src/main/java")).stream()
                .filter(file -> className(file).endsWith("Topic") || className(file).endsWith("Topics")).toList();
    }

    private static String className(Path file) {
        return file.getFileName().toString().replace(".java", "");
    }

    private static List<Path> sources(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(file -> file.toString().endsWith(".java")).sorted().toList();
        }
    }
}
