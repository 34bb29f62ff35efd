package fr.academie.mail.imap;

import org.apache.james.imap.api.display.HumanReadableText;
import org.apache.james.imap.api.message.request.ImapRequest;
import org.apache.james.imap.api.process.ImapProcessor;
import org.apache.james.imap.api.process.ImapSession;
import org.apache.james.imap.message.request.CreateRequest;
import org.apache.james.imap.message.request.DeleteRequest;
import org.apache.james.imap.message.request.RenameRequest;
import org.apache.james.imap.api.message.response.StatusResponseFactory;
import org.apache.james.imap.processor.CreateProcessor;
import org.apache.james.imap.processor.DeleteProcessor;
import org.apache.james.imap.processor.RenameProcessor;
import org.apache.james.mailbox.MailboxManager;
import org.apache.james.metrics.api.MetricFactory;
import reactor.core.publisher.Mono;

import java.util.function.Consumer;

/**
 * CREATE, RENAME and DELETE as James does them, with one difference: when the mailbox refuses (a system folder renamed,
 * a name the web page would not take, a folder with sub-folders), the client's NO carries the words the web page would
 * show, which Thunderbird and the phones put before the person, instead of James' "processing failed".
 */
final class FolderCommands {

    private static final String REFUSED = "fr.academie.mail.imap.refused";

    private FolderCommands() {
    }

    /** The request's processor, or null for a request that is not a folder command. */
    static ImapProcessor of(ImapRequest request, Processors processors) {
        return request instanceof CreateRequest ? processors.create
                : request instanceof RenameRequest ? processors.rename
                : request instanceof DeleteRequest ? processors.delete : null;
    }

    /** The three processors, made once per server. */
    record Processors(ImapProcessor create, ImapProcessor rename, ImapProcessor delete) {

        static Processors of(MailboxManager mailboxes, StatusResponseFactory responses, MetricFactory metrics) {
            return new Processors(new CreateProcessor(mailboxes, responses, metrics) {
                @Override
                protected Mono<Void> processRequestReactive(CreateRequest request, ImapSession session, Responder responder) {
                    return inWords(super.processRequestReactive(request, session, responder),
                            words -> no(request, responder, words));
                }
            }, new RenameProcessor(mailboxes, responses, metrics) {
                @Override
                protected Mono<Void> processRequestReactive(RenameRequest request, ImapSession session, Responder responder) {
                    return inWords(super.processRequestReactive(request, session, responder),
                            words -> no(request, responder, words));
                }
            }, new DeleteProcessor(mailboxes, responses, metrics) {
                @Override
                protected Mono<Void> processRequestReactive(DeleteRequest request, ImapSession session, Responder responder) {
                    return inWords(super.processRequestReactive(request, session, responder),
                            words -> no(request, responder, words));
                }
            });
        }
    }

    private static Mono<Void> inWords(Mono<Void> command, Consumer<HumanReadableText> no) {
        return command.onErrorResume(failure -> Refusals.words(failure).isPresent(), failure -> Mono.fromRunnable(
                () -> no.accept(new HumanReadableText(REFUSED, Refusals.words(failure).orElseThrow()))));
    }
}
