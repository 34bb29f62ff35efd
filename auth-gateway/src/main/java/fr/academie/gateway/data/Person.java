package fr.academie.gateway.data;

/** Who asks for her data: her account id, identifier, full and first name, from her ID token. */
record Person(String id, String identifier, String name, String firstName) {
}
