package io.jenkins.plugins.platformpassword.client;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.SwitchExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.YieldStmt;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds, in one source file, the texts of the messages a person reads, for {@link ErrorReferenceTest}.
 *
 * <p>A message is the argument of a call in {@link #MESSAGE_ARGUMENTS}, a value assigned to {@code hint}
 * or {@code message}, or what a method named {@code ...Hint} or {@code explain} returns. A message is cut
 * into fixed pieces at its variable parts; what a person searches the reference for is the first sentence
 * of its first fixed piece of at least {@value #MIN_WORDS} words. Some variable parts are messages of their
 * own, so their texts are found too: both branches of a conditional, every arm of a switch, what a method
 * of the same file returns ({@code prefix(user)}, {@code known(...)}), and the value a local variable or
 * field of the same file starts with. Calls to other classes ({@code cause.getMessage()}) stay variable.
 */
final class MessageScan {

    /** Calls whose argument at this index is a message: {@code new Type}, {@code Scope.method} or {@code *.method}. */
    private static final List<MessageArgument> MESSAGE_ARGUMENTS = List.of(
            new MessageArgument("new InvalidInputException", 1),
            new MessageArgument("new PlatformException", 1),
            new MessageArgument("new RotationException", 0),
            new MessageArgument("new RotationStoreException", 0),
            new MessageArgument("new TransportFailure", 1),
            new MessageArgument("new AbortException", 0),
            new MessageArgument("new FormException", 0),
            new MessageArgument("Failures.protocol", 2),
            new MessageArgument("Failures.lookup", 1),
            new MessageArgument("Failures.proxyRefused", 1),
            new MessageArgument("FormValidation.error", 0),
            new MessageArgument("FormValidation.warning", 0),
            new MessageArgument("FormValidation.ok", 0),
            new MessageArgument("*.println", 0));

    /** Shorter pieces are glue ("Could not ", ": HTTP ", " stopped: "), not something a person looks up. */
    static final int MIN_WORDS = 3;

    private static final Pattern LEADING_NON_LETTERS = Pattern.compile("^[^\\p{L}]+");

    /** A full stop, question or exclamation mark before the next sentence's capital ("e.g. eu2" goes on). */
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=\\p{Lu})");

    private final CompilationUnit unit;
    private final Set<Node> scanned = Collections.newSetFromMap(new IdentityHashMap<>());
    private final List<String> texts = new ArrayList<>();

    private MessageScan(CompilationUnit unit) {
        this.unit = unit;
    }

    static List<String> texts(CompilationUnit unit) {
        MessageScan scan = new MessageScan(unit);
        scan.messages().forEach(scan::scan);
        return scan.texts;
    }

    /**
     * The opening words of the first of these fixed pieces that has at least {@value #MIN_WORDS} words: its
     * first sentence, without leading punctuation. The reference may shorten what follows with "...".
     */
    static Optional<String> openingWords(List<String> pieces) {
        return pieces.stream()
                .map(piece ->
                        LEADING_NON_LETTERS.matcher(piece).replaceFirst("").strip())
                .filter(piece -> piece.split("\\s+").length >= MIN_WORDS)
                .map(piece -> SENTENCE_END.split(piece, 2)[0])
                .findFirst();
    }

    private List<Expression> messages() {
        List<Expression> messages = new ArrayList<>();
        for (ObjectCreationExpr creation : unit.findAll(ObjectCreationExpr.class)) {
            argument("new " + creation.getTypeAsString(), null, creation.getArguments())
                    .ifPresent(messages::add);
        }
        for (MethodCallExpr call : unit.findAll(MethodCallExpr.class)) {
            String scope = call.getScope().map(Node::toString).orElse("");
            argument(scope + "." + call.getNameAsString(), "*." + call.getNameAsString(), call.getArguments())
                    .ifPresent(messages::add);
        }
        for (AssignExpr assign : unit.findAll(AssignExpr.class)) {
            String target = assign.getTarget().toString();
            if (target.equals("hint") || target.equals("message")) {
                messages.add(assign.getValue());
            }
        }
        for (MethodDeclaration method : unit.findAll(MethodDeclaration.class)) {
            String name = method.getNameAsString();
            if (name.endsWith("Hint") || name.equals("explain")) {
                messages.addAll(returned(method));
            }
        }
        return messages;
    }

    private static Optional<Expression> argument(String called, String anyScope, List<Expression> arguments) {
        return MESSAGE_ARGUMENTS.stream()
                .filter(m -> (m.called().equals(called) || m.called().equals(anyScope)) && arguments.size() > m.index())
                .map(m -> arguments.get(m.index()))
                .findFirst();
    }

    private void scan(Expression message) {
        if (!scanned.add(message)) {
            return;
        }
        List<String> pieces = new ArrayList<>();
        pieces.add("");
        List<Expression> inner = new ArrayList<>();
        cut(message, pieces, inner);
        openingWords(pieces).ifPresent(texts::add);
        inner.forEach(this::scan);
    }

    /** Appends the literal text to the last piece; a variable part starts a new piece. */
    private void cut(Expression expression, List<String> pieces, List<Expression> inner) {
        if (expression instanceof StringLiteralExpr literal) {
            append(pieces, literal.asString());
        } else if (expression instanceof TextBlockLiteralExpr block) {
            append(pieces, block.asString());
        } else if (expression instanceof BinaryExpr binary && binary.getOperator() == BinaryExpr.Operator.PLUS) {
            cut(binary.getLeft(), pieces, inner);
            cut(binary.getRight(), pieces, inner);
        } else if (expression instanceof EnclosedExpr enclosed) {
            cut(enclosed.getInner(), pieces, inner);
        } else {
            pieces.add("");
            inner.addAll(messagesInside(expression));
        }
    }

    private static void append(List<String> pieces, String text) {
        pieces.set(pieces.size() - 1, pieces.get(pieces.size() - 1) + text);
    }

    /** The messages a variable part stands for, as far as this file says. */
    private List<Expression> messagesInside(Expression part) {
        List<Expression> found = new ArrayList<>();
        if (part instanceof ConditionalExpr conditional) {
            found.add(conditional.getThenExpr());
            found.add(conditional.getElseExpr());
        } else if (part instanceof SwitchExpr switchExpr) {
            switchExpr
                    .getEntries()
                    .forEach(entry -> entry.getStatements().forEach(statement -> {
                        if (statement instanceof ExpressionStmt arm) {
                            found.add(arm.getExpression());
                        } else if (statement instanceof YieldStmt yield) {
                            found.add(yield.getExpression());
                        }
                    }));
        } else if (part instanceof MethodCallExpr call
                && call.getScope().map(scope -> scope instanceof ThisExpr).orElse(true)) {
            unit.findAll(MethodDeclaration.class, m -> m.getNameAsString().equals(call.getNameAsString()))
                    .forEach(method -> found.addAll(returned(method)));
        } else if (part instanceof NameExpr name) {
            found.addAll(initialValues(name));
        }
        return found;
    }

    private static List<Expression> returned(MethodDeclaration method) {
        List<Expression> found = new ArrayList<>();
        method.findAll(ReturnStmt.class).forEach(r -> r.getExpression().ifPresent(found::add));
        return found;
    }

    /** The local variables of the enclosing method and the fields of this file that have this name. */
    private List<Expression> initialValues(NameExpr name) {
        List<VariableDeclarator> declared = new ArrayList<>();
        name.findAncestor(CallableDeclaration.class)
                .ifPresent(callable -> declared.addAll(callable.findAll(
                        VariableDeclarator.class, v -> v.getNameAsString().equals(name.getNameAsString()))));
        for (FieldDeclaration field : unit.findAll(FieldDeclaration.class)) {
            field.getVariables().stream()
                    .filter(v -> v.getNameAsString().equals(name.getNameAsString()))
                    .forEach(declared::add);
        }
        List<Expression> found = new ArrayList<>();
        declared.forEach(v -> v.getInitializer().ifPresent(found::add));
        return found;
    }

    private record MessageArgument(String called, int index) {}
}
