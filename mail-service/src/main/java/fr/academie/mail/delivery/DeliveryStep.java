package fr.academie.mail.delivery;

/**
 * A stage every incoming message goes through, in {@link #order()}, after it is read and before it is stored,
 * inside the delivering transaction: the person's filters, auto-replies and forwarding plug in here (a CDI bean
 * implementing this interface). A step may file the message elsewhere, mark it, or leave it alone.
 */
public interface DeliveryStep {

    int order();

    void apply(Arrival arrival);
}
