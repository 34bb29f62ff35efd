package fr.academie.mail.imap;

import org.apache.james.events.Event;
import org.apache.james.events.EventListener;
import org.apache.james.imap.api.message.response.StatusResponseFactory;
import org.apache.james.imap.api.process.ImapSession;
import org.apache.james.imap.api.process.SelectedMailbox;
import org.apache.james.imap.message.request.IdleRequest;
import org.apache.james.imap.processor.IdleProcessor;
import org.apache.james.mailbox.MailboxManager;
import org.apache.james.mailbox.events.MailboxEvents;
import org.apache.james.metrics.api.MetricFactory;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * IDLE as James does it, except that flag changes made elsewhere reach the idle client at once. James 3.8.1's own
 * listener builds its answer before the selected folder has taken the event in (it reads the changed flags too early,
 * and finds none), so a flag set in the web page waited for the client's next command; this one builds it after.
 */
class IdleUpdates extends IdleProcessor {

    IdleUpdates(MailboxManager mailboxes, StatusResponseFactory responses, MetricFactory metrics) {
        super(mailboxes, responses, metrics);
    }

    @Override
    protected Mono<Void> processRequestReactive(IdleRequest request, ImapSession session, Responder responder) {
        Mono<Void> idle = super.processRequestReactive(request, session, responder); // registers James' listener
        SelectedMailbox selected = session.getSelected();
        if (selected != null) {
            selected.registerIdle(new EventListener.ReactiveEventListener() {
                @Override
                public boolean isHandling(Event event) {
                    return event instanceof MailboxEvents.Added || event instanceof MailboxEvents.Expunged
                            || event instanceof MailboxEvents.FlagsUpdated;
                }

                @Override
                public Publisher<Void> reactiveEvent(Event event) {
                    return Mono.defer(() -> unsolicitedResponses(session, responder, false))
                            .then(Mono.fromRunnable(responder::flush));
                }

                @Override
                public ExecutionMode getExecutionMode() {
                    return ExecutionMode.ASYNCHRONOUS;
                }
            });
        }
        return idle;
    }
}
