package fr.academie.mail.managesieve;

import fr.academie.mail.managesieve.CommandLine.Malformed;
import fr.academie.mail.managesieve.CommandLine.Token;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetSocket;
import io.vertx.core.parsetools.RecordParser;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;

/**
 * The bytes of one ManageSieve connection: lines and literals read in turn (a literal's size counted in octets, as RFC
 * 5804 counts it), each command run by its {@link SieveSession} on a worker thread, and its reply written before the
 * next command is read.
 */
final class SieveConnection {

    private static final Logger LOG = Logger.getLogger(SieveConnection.class);
    /** The longest line: an OAUTHBEARER response carries a whole access token. */
    static final int MAX_LINE = 16_384;

    private final Vertx vertx;
    private final NetSocket socket;
    private final SieveSession session;
    private final List<Token> command = new ArrayList<>();
    private RecordParser parser;
    private boolean inLiteral;

    SieveConnection(Vertx vertx, NetSocket socket, SieveSession session) {
        this.vertx = vertx;
        this.socket = socket;
        this.session = session;
    }

    void start() {
        read();
        socket.write(session.capabilities());
    }

    /** Reads from the socket with a new parser, forgetting what the previous one had not read. */
    private void read() {
        command.clear();
        inLiteral = false;
        parser = RecordParser.newDelimited("\r\n", socket).maxRecordSize(SieveScriptStore.MAX_SIZE + MAX_LINE);
        parser.exceptionHandler(e -> { // the parser's record limit, or the socket's own failure
            if (e instanceof IllegalStateException) {
                end("BYE \"Commande trop longue.\"\r\n");
            } else {
                LOG.debugf("ManageSieve connection ended: %s", e.getMessage());
                socket.close();
            }
        });
        parser.handler(this::record);
    }

    private void record(Buffer record) {
        if (inLiteral) {
            inLiteral = false;
            parser.delimitedMode("\r\n");
            try {
                command.add(Token.string(CommandLine.utf8(record.getBytes())));
            } catch (Malformed e) {
                command.add(null); // refused once the command is whole
            }
            return;
        }
        if (record.length() > MAX_LINE) {
            end("BYE \"Ligne trop longue.\"\r\n");
            return;
        }
        try {
            CommandLine line = CommandLine.parse(record.getBytes());
            command.addAll(line.tokens());
            if (line.literal() != CommandLine.NO_LITERAL) {
                literal(line.literal());
                return;
            }
            if (command.contains(null)) {
                throw new Malformed("texte qui n'est pas de l'UTF-8");
            }
        } catch (Malformed e) {
            command.clear();
            socket.write("NO " + SieveSession.string("Commande mal formée : " + e.getMessage() + ".") + "\r\n");
            return;
        }
        if (!command.isEmpty()) {
            run(List.copyOf(command));
            command.clear();
        }
    }

    private void literal(long size) {
        if (size > SieveScriptStore.MAX_SIZE) {
            end("BYE (QUOTA/MAXSIZE) \"Script trop grand : 65 536 octets au plus.\"\r\n");
        } else if (size == 0) {
            command.add(Token.string(""));
        } else {
            inLiteral = true;
            parser.fixedSizeMode((int) size);
        }
    }

    /** Runs the command on a worker thread, reading nothing more until its reply is written. */
    private void run(List<Token> tokens) {
        parser.pause();
        vertx.<SieveSession.Reply>executeBlocking(() -> session.handle(tokens)).onComplete(done -> {
            SieveSession.Reply reply = done.succeeded() ? done.result()
                    : new SieveSession.Reply("BYE \"Erreur du serveur.\"\r\n", SieveSession.Next.CLOSE);
            switch (reply.next()) {
                case CLOSE -> end(reply.text());
                case START_TLS -> socket.write(reply.text()).compose(written -> {
                    read(); // a new parser: what was sent in clear after STARTTLS is never read
                    parser.pause();
                    return socket.upgradeToSsl();
                }).onComplete(tls -> {
                    if (tls.succeeded()) {
                        session.encrypted();
                        socket.write(session.capabilities());
                        parser.resume();
                    } else {
                        socket.close();
                    }
                });
                default -> {
                    socket.write(reply.text());
                    parser.resume();
                }
            }
        });
    }

    private void end(String last) {
        parser.pause();
        socket.write(last).onComplete(written -> socket.close());
    }
}
