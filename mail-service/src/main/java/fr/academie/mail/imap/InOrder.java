package fr.academie.mail.imap;

import io.netty.util.concurrent.EventExecutor;
import io.netty.util.internal.ThreadExecutorMap;
import org.apache.james.imap.api.message.response.ImapResponseMessage;
import org.apache.james.imap.api.process.ImapProcessor;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.function.Function;

/**
 * A command's answers written on its connection's event loop, in the order given, and the command ended there. Our
 * database calls run off the loop ({@code FolderMapper.blocking}), so James 3.8.1 writes from that thread (queued for
 * the loop); a command that arrived meanwhile would start on the loop and write at once, ahead of those: mbsync once
 * read a literal's ")" where it expected a tag ("IMAP error: unexpected tag )", one CI run in three).
 */
final class InOrder {

    private InOrder() {
    }

    /** Runs the command with a responder bound to the current event loop (as is, off any loop). */
    static Mono<Void> process(ImapProcessor.Responder responder, Function<ImapProcessor.Responder, Mono<Void>> command) {
        EventExecutor loop = ThreadExecutorMap.currentExecutor();
        if (loop == null) {
            return command.apply(responder);
        }
        ImapProcessor.Responder ordered = new ImapProcessor.Responder() {
            @Override
            public void respond(ImapResponseMessage message) {
                onLoop(loop, () -> responder.respond(message));
            }

            @Override
            public void flush() {
                onLoop(loop, responder::flush);
            }
        };
        return command.apply(ordered).publishOn(Schedulers.fromExecutor(loop));
    }

    private static void onLoop(EventExecutor loop, Runnable write) {
        if (loop.inEventLoop()) {
            write.run();
        } else {
            loop.execute(write);
        }
    }
}
