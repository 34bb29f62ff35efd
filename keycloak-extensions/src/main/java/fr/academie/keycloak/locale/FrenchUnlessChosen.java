package fr.academie.keycloak.locale;

import fr.academie.keycloak.StatelessFactory;
import org.keycloak.locale.DefaultLocaleSelectorProvider;
import org.keycloak.locale.LocaleSelectorProvider;
import org.keycloak.locale.LocaleSelectorProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import java.util.Locale;

/**
 * Locale selector {@code portail}: the pages speak the realm's language (French) whatever the browser's, unless the
 * person chose another (the page's language menu, her account's locale, the application's {@code ui_locales}).
 * Keycloak's own selector would follow the browser's {@code Accept-Language}, and a school computer set up in English
 * would show the académie's pages in English. It is Keycloak's, with the browser's header left out; chosen over the
 * default by its higher {@link #order()}, so no server option is needed.
 */
public class FrenchUnlessChosen extends StatelessFactory implements LocaleSelectorProvider, LocaleSelectorProviderFactory {

    public static final String ID = "portail";

    private final KeycloakSession session;

    public FrenchUnlessChosen() {
        this(null);
    }

    private FrenchUnlessChosen(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public Locale resolveLocale(RealmModel realm, UserModel user) {
        return new DefaultLocaleSelectorProvider(session).resolveLocale(realm, user, true);
    }

    @Override
    public Locale resolveLocale(RealmModel realm, UserModel user, boolean ignoreAcceptLanguageHeader) {
        return resolveLocale(realm, user);
    }

    @Override
    public LocaleSelectorProvider create(KeycloakSession session) {
        return new FrenchUnlessChosen(session);
    }

    @Override
    public int order() {
        return 1;
    }

    @Override
    public String getId() {
        return ID;
    }
}
