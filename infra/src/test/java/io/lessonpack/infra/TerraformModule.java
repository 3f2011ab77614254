package io.lessonpack.infra;

import com.bertramlabs.plugins.hcl4j.HCLParser;
import com.bertramlabs.plugins.hcl4j.HCLParserException;
import com.bertramlabs.plugins.hcl4j.RuntimeSymbols.ComputedObject;
import com.bertramlabs.plugins.hcl4j.RuntimeSymbols.VariableTree;
import com.bertramlabs.plugins.hcl4j.symbols.HCLAttribute;
import com.bertramlabs.plugins.hcl4j.symbols.HCLBlock;
import com.bertramlabs.plugins.hcl4j.symbols.Symbol;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A Terraform module read with hcl4j: every {@code .tf} file of one folder, with typed access to
 * its resources, data sources, variables, locals and outputs, and failures that name the block and
 * the file.
 *
 * <p>What hcl4j gives back, and how this class presents it:
 * <ul>
 *   <li>Each file is parsed with a fresh parser, as Terraform reads a module before evaluating it:
 *       no file sees the variables of another, so {@code var.x} outside variables.tf stays a
 *       {@link Reference}, whatever the variable's default.</li>
 *   <li>A reference ({@code aws_sns_topic.t.arn}, {@code var.project}) becomes a {@link Reference}.
 *       A local ({@code local.name}) is replaced by its value, wherever it is declared.</li>
 *   <li>An interpolated string comes back with its {@code ${ }} removed:
 *       {@code "${var.project}-x"} reads {@code "var.project-x"}; compare with
 *       {@link #interpolation(String)}. Locals inside it are substituted too.</li>
 *   <li>{@code merge(...)} becomes a {@link FunctionCall} of its arguments, {@code jsonencode(x)}
 *       becomes {@code x}, and a {@code for} expression a {@link ForExpression} of the collection
 *       it iterates. Other functions and conditionals are evaluated by hcl4j as best it can, which
 *       is not reliably: the module keeps what the tests check out of them.</li>
 *   <li>Numbers are {@link Double}s; repeated nested blocks are lists, a single one a map
 *       ({@link Block#blocks(String)} reads both).</li>
 * </ul>
 *
 * <pre>{@code
 * TerraformModule module = TerraformModule.packageGenerationService();
 * Block function = module.onlyResource("aws_lambda_function");
 * assertThat(function.number("timeout")).isEqualTo(60);
 * }</pre>
 */
final class TerraformModule {

    /** Where the module lives under the project root. */
    static final String PACKAGE_GENERATION_SERVICE = "infra/services/package-generation-service";

    /** Surefire sets it to the reactor root; from the infra folder the root is its parent. */
    static final String PROJECT_ROOT_PROPERTY = "lessonpack.projectRoot";

    private static final Set<String> TOP_LEVEL_BLOCKS = Set.of("terraform", "provider", "variable", "locals",
            "resource", "data", "output", "module", "moved", "import", "check", "removed");

    private static final Pattern LOCAL_IN_TEXT = Pattern.compile("local\\.([A-Za-z_][A-Za-z0-9_]*)");
    private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{([^}]*)}");
    private static final int MAX_LOCAL_DEPTH = 32;

    /** What a function registered here returns where Terraform's would fail (for {@code can}). */
    private static final Object FAILED = new Unevaluated("failed function call");

    private final Path directory;
    private final List<String> files;
    private final Map<String, Block> resources = new LinkedHashMap<>();
    private final Map<String, Block> dataSources = new LinkedHashMap<>();
    private final Map<String, Block> variables = new LinkedHashMap<>();
    private final Map<String, Block> outputs = new LinkedHashMap<>();
    private final Map<String, Block> settings = new LinkedHashMap<>();
    private final Map<String, Object> locals = new LinkedHashMap<>();
    private final Map<String, String> localFiles = new LinkedHashMap<>();

    private TerraformModule(Path directory, Map<String, Map<String, Object>> parsedFiles) {
        this.directory = directory;
        this.files = List.copyOf(parsedFiles.keySet());
        parsedFiles.forEach(this::index);
    }

    /** The root of the project: the {@value #PROJECT_ROOT_PROPERTY} property, else {@code ..}. */
    static Path projectRoot() {
        return Path.of(System.getProperty(PROJECT_ROOT_PROPERTY, "..")).toAbsolutePath().normalize();
    }

    /** The service's module, {@value #PACKAGE_GENERATION_SERVICE}. */
    static TerraformModule packageGenerationService() {
        return load(projectRoot().resolve(PACKAGE_GENERATION_SERVICE));
    }

    /** Parses every {@code .tf} file of {@code directory}; fails naming the first file that does not parse. */
    static TerraformModule load(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new AssertionError("no Terraform module at " + directory + " (set -D" + PROJECT_ROOT_PROPERTY
                    + " to the project root)");
        }
        List<Path> paths;
        try (Stream<Path> listing = Files.list(directory)) {
            paths = listing.filter(p -> p.getFileName().toString().endsWith(".tf")).sorted().toList();
        } catch (IOException e) {
            throw new AssertionError("cannot list " + directory + ": " + e.getMessage(), e);
        }
        if (paths.isEmpty()) {
            throw new AssertionError("no .tf file in " + directory);
        }
        Map<String, Map<String, Object>> parsed = new LinkedHashMap<>();
        for (Path path : paths) {
            parsed.put(path.getFileName().toString(), parse(path, Map.of()));
        }
        return new TerraformModule(directory, parsed);
    }

    /**
     * Parses one file, with {@code variables} given values (as {@code -var} would). hcl4j accepts
     * some broken files silently, so the result is checked too: only Terraform's block types at the
     * top level (hcl4j also leaks the names of functions it called there), and balanced braces.
     */
    private static Map<String, Object> parse(Path path, Map<String, Object> variables) {
        String name = path.getFileName().toString();
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + path + ": " + e.getMessage(), e);
        }
        Map<String, Object> result;
        try {
            result = parser(variables).parse(text);
        } catch (HCLParserException | IOException | RuntimeException e) {
            Throwable cause = e.getCause() instanceof HCLParserException ? e.getCause() : e;
            throw new AssertionError(name + " does not parse as HCL: " + cause.getMessage(), e);
        }
        for (String key : result.keySet()) {
            if (!TOP_LEVEL_BLOCKS.contains(key) && !text.contains(key + "(")) {
                throw new AssertionError(name + " does not parse as Terraform: `" + key + "` at the top level"
                        + " (an unclosed or extra brace before it?)");
            }
        }
        int depth = braceDepth(text);
        if (depth != 0) {
            throw new AssertionError(name + " does not parse as Terraform: "
                    + (depth > 0 ? depth + " unclosed '{'" : -depth + " '}' too many"));
        }
        return result;
    }

    private static HCLParser parser(Map<String, Object> variables) {
        HCLParser parser = new HCLParser();
        parser.registerFunction("merge", arguments -> new FunctionCall("merge", new ArrayList<>(arguments)));
        parser.registerFunction("jsonencode", arguments -> arguments.size() == 1
                ? arguments.get(0) : new FunctionCall("jsonencode", new ArrayList<>(arguments)));
        // What variable validations use, as Terraform defines them, so that they can be evaluated.
        parser.registerFunction("regex", arguments -> arguments.size() == 2 && arguments.get(0) instanceof String pattern
                && arguments.get(1) instanceof String value && Pattern.compile(pattern).matcher(value).find()
                ? value : FAILED);
        parser.registerFunction("can", arguments -> arguments.size() == 1 && arguments.get(0) != null
                && arguments.get(0) != FAILED);
        parser.registerFunction("endswith", arguments -> arguments.size() == 2 && arguments.get(0) instanceof String value
                && arguments.get(1) instanceof String suffix ? (Object) value.endsWith(suffix) : FAILED);
        variables.forEach(parser::setVariable);
        return parser;
    }

    /**
     * Opening minus closing braces outside comments and string literals, the braces of templates
     * ({@code "${...}"}) included in their string. Heredocs are read as code (JSON in them is balanced).
     */
    static int braceDepth(String text) {
        int depth = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '#' || text.startsWith("//", i)) {
                int end = text.indexOf('\n', i);
                i = end < 0 ? text.length() : end;
            } else if (text.startsWith("/*", i)) {
                int end = text.indexOf("*/", i + 2);
                i = end < 0 ? text.length() : end + 2;
            } else if (c == '"') {
                i = afterString(text, i);
            } else {
                depth += c == '{' ? 1 : c == '}' ? -1 : 0;
                i++;
            }
        }
        return depth;
    }

    /** The index after the string literal opening at {@code start}; at its line's end if unterminated. */
    private static int afterString(String text, int start) {
        int i = start + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == '"') {
                return i + 1;
            } else if (c == '\n') {
                return i;
            } else if (text.startsWith("${", i) || text.startsWith("%{", i)) {
                i = afterTemplate(text, i + 2);
            } else {
                i++;
            }
        }
        return i;
    }

    /** The index after the {@code }} closing a template whose body starts at {@code start}. */
    private static int afterTemplate(String text, int start) {
        int depth = 1;
        int i = start;
        while (i < text.length() && depth > 0) {
            char c = text.charAt(i);
            if (c == '"') {
                i = afterString(text, i);
            } else {
                depth += c == '{' ? 1 : c == '}' ? -1 : 0;
                i++;
            }
        }
        return i;
    }

    @SuppressWarnings("unchecked")
    private void index(String file, Map<String, Object> parsed) {
        parsed.forEach((key, value) -> {
            switch (key) {
                case "resource" -> typedBlocks(file, "", (Map<String, Object>) value, resources);
                case "data" -> typedBlocks(file, "data.", (Map<String, Object>) value, dataSources);
                case "variable" -> namedBlocks(file, "var.", (Map<String, Object>) value, variables);
                case "output" -> namedBlocks(file, "output.", (Map<String, Object>) value, outputs);
                case "terraform" -> namedBlocks(file, "", Map.of("terraform", value), settings);
                case "locals" -> ((Map<String, Object>) value).forEach((local, v) -> {
                    String earlier = localFiles.putIfAbsent(local, file);
                    if (earlier != null) {
                        throw new AssertionError("local." + local + " is declared twice (" + earlier + ", " + file + ")");
                    }
                    locals.put(local, v);
                });
                default -> {
                    // provider blocks and hcl4j's leaked function names: nothing the tests read
                }
            }
        });
    }

    @SuppressWarnings("unchecked")
    private void typedBlocks(String file, String prefix, Map<String, Object> byType, Map<String, Block> into) {
        byType.forEach((type, byName) -> namedBlocks(file, prefix + type + ".", (Map<String, Object>) byName, into));
    }

    @SuppressWarnings("unchecked")
    private void namedBlocks(String file, String prefix, Map<String, Object> byName, Map<String, Block> into) {
        byName.forEach((name, body) -> {
            String address = prefix + name;
            Map<String, Object> map = body == null ? Map.of() : (Map<String, Object>) body;
            Block earlier = into.putIfAbsent(address, new Block(address, file, map));
            if (earlier != null) {
                throw new AssertionError(address + " is declared twice (" + earlier.file() + ", " + file + ")");
            }
        });
    }

    /** The module's folder. */
    Path directory() {
        return directory;
    }

    /** The names of the files read, sorted. */
    List<String> files() {
        return files;
    }

    /** The {@code terraform} block (required_version, required_providers). */
    Block terraformSettings() {
        return found(settings, "terraform", "block");
    }

    /** The resource {@code type.name}. */
    Block resource(String type, String name) {
        return found(resources, type + "." + name, "resource");
    }

    /** Every resource of a type, in file order. */
    List<Block> resources(String type) {
        return resources.entrySet().stream().filter(e -> e.getKey().startsWith(type + "."))
                .map(Map.Entry::getValue).toList();
    }

    /** The one resource of a type; fails when there is none or several. */
    Block onlyResource(String type) {
        List<Block> found = resources(type);
        if (found.size() != 1) {
            throw new AssertionError("expected exactly one " + type + " in " + PACKAGE_GENERATION_SERVICE + ", found "
                    + found.size() + ": " + found);
        }
        return found.get(0);
    }

    /** The data source {@code data.type.name}. */
    Block data(String type, String name) {
        return found(dataSources, "data." + type + "." + name, "data source");
    }

    /** The variable {@code var.name}. */
    Block variable(String name) {
        return found(variables, "var." + name, "variable");
    }

    /** The output {@code name}. */
    Block output(String name) {
        return found(outputs, "output." + name, "output");
    }

    /** The value of {@code local.name}, resolved. */
    Object local(String name) {
        if (!locals.containsKey(name)) {
            throw new AssertionError("no local." + name + " in " + PACKAGE_GENERATION_SERVICE + " (locals: "
                    + locals.keySet() + ")");
        }
        return resolve(locals.get(name), 0);
    }

    /**
     * The resource (or, for a {@code data.} type, the data source) that {@code value} refers to as
     * {@code <type>.<name>.<attribute>}; fails when it is something else or names nothing declared.
     */
    Block referenced(Object value, String type, String attribute) {
        if (value instanceof Reference(String expression) && expression.startsWith(type + ".")
                && expression.endsWith("." + attribute)) {
            String name = expression.substring(type.length() + 1, expression.length() - attribute.length() - 1);
            if (!name.isEmpty() && !name.contains(".")) {
                return type.startsWith("data.") ? data(type.substring("data.".length()), name) : resource(type, name);
            }
        }
        throw new AssertionError("expected a reference to " + type + ".<name>." + attribute + ", found " + describe(value));
    }

    /**
     * Evaluates the {@code validation} blocks of {@code var.name} as Terraform would with the
     * variable set to {@code value}: true when every condition holds.
     */
    @SuppressWarnings("unchecked")
    boolean validationAccepts(String name, Object value) {
        Block declared = variable(name);
        Map<String, Object> parsed = parse(directory.resolve(declared.file()), Map.of(name, value));
        Map<String, Object> body = (Map<String, Object>) ((Map<String, Object>) parsed.get("variable")).get(name);
        Object validation = body.get("validation");
        if (validation == null) {
            throw new AssertionError(declared + " has no validation block");
        }
        List<Object> blocks = validation instanceof List<?> list ? (List<Object>) list : List.of(validation);
        boolean accepted = true;
        for (Object block : blocks) {
            Object condition = ((Map<String, Object>) block).get("condition");
            if (!(condition instanceof Boolean holds)) {
                throw new AssertionError("hcl4j cannot evaluate the validation of " + declared + " (the condition came"
                        + " back as " + describe(condition) + "); write it with functions hcl4j knows, e.g. contains()");
            }
            accepted &= holds;
        }
        return accepted;
    }

    /**
     * How hcl4j renders a Terraform string template: {@code "${var.project}-x"} reads
     * {@code "var.project-x"}.
     */
    static String interpolation(String template) {
        return INTERPOLATION.matcher(template).replaceAll("$1");
    }

    /** A value as text: a string, a reference's expression, a whole number without ".0". */
    static String text(Object value) {
        return switch (value) {
            case null -> "null";
            case String s -> s;
            case Reference(String expression) -> expression;
            case Double d when d == Math.rint(d) && !d.isInfinite() -> Long.toString(d.longValue());
            default -> value.toString();
        };
    }

    /** A value for a failure message: its text and what it is. */
    static String describe(Object value) {
        return value == null ? "null" : "`" + text(value) + "` (" + value.getClass().getSimpleName() + ")";
    }

    private Block found(Map<String, Block> blocks, String address, String what) {
        Block block = blocks.get(address);
        if (block == null) {
            throw new AssertionError("no " + what + " " + address + " in " + PACKAGE_GENERATION_SERVICE + " (found: "
                    + blocks.keySet() + ")");
        }
        return block;
    }

    private Object resolve(Object raw, int depth) {
        if (depth > MAX_LOCAL_DEPTH) {
            throw new AssertionError("locals refer to each other in a cycle: " + describe(raw));
        }
        return switch (raw) {
            case null -> null;
            case VariableTree tree -> resolveReference(tree.getName(), depth);
            case String s -> substituteLocals(s, depth);
            case Map<?, ?> map -> {
                Map<String, Object> resolved = new LinkedHashMap<>();
                map.forEach((k, v) -> resolved.put(String.valueOf(k), resolve(v, depth)));
                yield Collections.unmodifiableMap(resolved);
            }
            case List<?> list -> {
                List<Object> resolved = new ArrayList<>();
                list.forEach(v -> resolved.add(resolve(v, depth)));
                yield Collections.unmodifiableList(resolved);
            }
            case FunctionCall(String name, List<Object> arguments) -> {
                List<Object> resolved = new ArrayList<>();
                arguments.forEach(v -> resolved.add(resolve(v, depth)));
                yield new FunctionCall(name, Collections.unmodifiableList(resolved));
            }
            case ComputedObject computed -> new ForExpression(forSource(computed, depth));
            case HCLAttribute attribute -> new Unevaluated("attribute " + attribute.getName());
            case Symbol symbol -> new Unevaluated(symbol.getSymbolName() + " " + symbol.getName());
            default -> raw;
        };
    }

    private Object resolveReference(String expression, int depth) {
        if (expression.startsWith("local.")) {
            String local = expression.substring("local.".length());
            if (locals.containsKey(local)) {
                return resolve(locals.get(local), depth + 1);
            }
        }
        return new Reference(expression);
    }

    private String substituteLocals(String text, int depth) {
        Matcher matcher = LOCAL_IN_TEXT.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String local = matcher.group(1);
            String replacement = matcher.group();
            if (locals.containsKey(local)) {
                Object value = resolve(locals.get(local), depth + 1);
                if (value instanceof String || value instanceof Reference || value instanceof Double) {
                    replacement = text(value);
                }
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** The collection a {@code for} expression iterates: an inline object, or a reference. */
    private Object forSource(ComputedObject computed, int depth) {
        for (Symbol child : computed.getChildren()) {
            if (child instanceof HCLBlock object) {
                Map<String, Object> entries = new LinkedHashMap<>();
                for (Symbol entry : object.getChildren()) {
                    if (entry instanceof HCLAttribute attribute) {
                        Object value = attribute.getChildren().isEmpty() ? null : attribute.getChildren().get(0);
                        entries.put(attribute.getName(), resolve(value, depth));
                    }
                }
                return Collections.unmodifiableMap(entries);
            }
            if (child instanceof VariableTree tree) {
                return resolveReference(tree.getName(), depth);
            }
        }
        return new Unevaluated("for expression " + computed.getName());
    }

    /** A reference Terraform resolves at plan time: {@code var.x}, {@code aws_sns_topic.t.arn}. */
    record Reference(String expression) {
        Reference {
            Objects.requireNonNull(expression, "expression");
        }

        @Override
        public String toString() {
            return expression;
        }
    }

    /** A call of a function this class records rather than evaluates, e.g. {@code merge}. */
    record FunctionCall(String name, List<Object> arguments) {
        @Override
        public String toString() {
            return name + arguments;
        }
    }

    /**
     * A {@code for} expression, by the collection it iterates (an object with its keys, or a
     * {@link Reference}). hcl4j keeps neither its result expression nor its {@code if} clause.
     */
    record ForExpression(Object source) {
        @Override
        public String toString() {
            return "for(" + source + ")";
        }
    }

    /** Something hcl4j parsed but did not evaluate, named for failure messages. */
    record Unevaluated(String what) {
        @Override
        public String toString() {
            return "<" + what + ">";
        }
    }

    /**
     * One block (a resource, data source, variable, output, or a block nested in one), with its
     * address and file for failure messages. Values come back resolved (see the class comment).
     */
    final class Block {

        private final String address;
        private final String file;
        private final Map<String, Object> body;

        private Block(String address, String file, Map<String, Object> body) {
            this.address = address;
            this.file = file;
            this.body = body;
        }

        /** E.g. {@code aws_lambda_function.package_generation} or {@code ....snap_start}. */
        String address() {
            return address;
        }

        /** The file it is declared in. */
        String file() {
            return file;
        }

        /** The last part of the address: the resource's name. */
        String name() {
            return address.substring(address.lastIndexOf('.') + 1);
        }

        /** Whether the block sets {@code key}. */
        boolean has(String key) {
            return body.containsKey(key);
        }

        /** The attribute's value, resolved; fails when the block does not set it. */
        Object value(String key) {
            if (!body.containsKey(key)) {
                throw new AssertionError(this + " does not set `" + key + "` (it sets " + body.keySet() + ")");
            }
            return resolve(body.get(key), 0);
        }

        /** A string, a reference's expression or a whole number, as text. */
        String text(String key) {
            Object value = value(key);
            if (!(value instanceof String || value instanceof Reference || value instanceof Double)) {
                throw new AssertionError(this + ": `" + key + "` is " + describe(value) + ", not a string or reference");
            }
            return TerraformModule.text(value);
        }

        /** A number. */
        double number(String key) {
            Object value = value(key);
            if (!(value instanceof Double number)) {
                throw new AssertionError(this + ": `" + key + "` is " + describe(value) + ", not a number");
            }
            return number;
        }

        /** A boolean literal. */
        boolean bool(String key) {
            Object value = value(key);
            if (!(value instanceof Boolean bool)) {
                throw new AssertionError(this + ": `" + key + "` is " + describe(value) + ", not true or false");
            }
            return bool;
        }

        /** A list, its elements resolved. */
        List<Object> list(String key) {
            Object value = value(key);
            if (!(value instanceof List<?> list)) {
                throw new AssertionError(this + ": `" + key + "` is " + describe(value) + ", not a list");
            }
            return Collections.unmodifiableList(list);
        }

        /** A list of strings or references, as text. */
        List<String> texts(String key) {
            return list(key).stream().map(TerraformModule::text).toList();
        }

        /** An object (a map attribute such as {@code dimensions}). */
        @SuppressWarnings("unchecked")
        Map<String, Object> map(String key) {
            Object value = value(key);
            if (!(value instanceof Map<?, ?> map)) {
                throw new AssertionError(this + ": `" + key + "` is " + describe(value) + ", not an object");
            }
            return (Map<String, Object>) map;
        }

        /** The one nested block {@code key}; fails when there is none or several. */
        Block block(String key) {
            List<Block> found = blocks(key);
            if (found.size() != 1) {
                throw new AssertionError(this + " must have exactly one `" + key + "` block, has " + found.size());
            }
            return found.get(0);
        }

        /** The nested blocks {@code key}, none when absent. */
        @SuppressWarnings("unchecked")
        List<Block> blocks(String key) {
            Object raw = body.get(key);
            String nested = address + "." + key;
            return switch (raw) {
                case null -> List.of();
                case Map<?, ?> map -> List.of(new Block(nested, file, (Map<String, Object>) map));
                case List<?> list -> {
                    List<Block> blocks = new ArrayList<>();
                    for (int i = 0; i < list.size(); i++) {
                        if (!(list.get(i) instanceof Map<?, ?> map)) {
                            throw new AssertionError(this + ": `" + key + "` is not a block");
                        }
                        blocks.add(new Block(nested + "[" + i + "]", file, (Map<String, Object>) map));
                    }
                    yield List.copyOf(blocks);
                }
                default -> throw new AssertionError(this + ": `" + key + "` is " + describe(raw) + ", not a block");
            };
        }

        @Override
        public String toString() {
            return address + " (" + file + ")";
        }
    }
}
