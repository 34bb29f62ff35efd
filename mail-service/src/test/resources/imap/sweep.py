"""Sends malformed and unexpected IMAP commands, one at a time, to a signed-in session; prints what each got.

usage: sweep.py PORT USER TOKEN
Signs in with XOAUTH2 (SASL-IR), selects INBOX, then sends each command of COMMANDS and reads up to its tagged
answer. Prints one JSON object: for each command its tag's status (OK, NO, BAD) or "dropped" when the server closed
the connection or said BYE, and whether the session still answered NOOP at the end.
"""
import base64
import json
import socket
import sys

port, user, token = int(sys.argv[1]), sys.argv[2], sys.argv[3]
COMMANDS = [
    b"FETCH", b"FETCH 1:* (FLAGS", b"UID FETCH x (FLAGS)", b"FETCH 4294967296 FLAGS", b"FETCH 1 BODY[999.999]",
    b"FETCH 1:* (UNKNOWNITEM)", b"FETCH -1 FLAGS", b"FETCH 99999999999999999999 FLAGS",
    b"STORE 1 +FLAGS.SILENT (\\Unknown", b"UID STORE 1:* FLAGS (", b"STORE 1:* XFLAGS (\\Seen)",
    b"SELECT", b'SELECT "\x00"', b'SELECT "a\x01b"', b"SELECT INBOX (CONDSTORE)", b"EXAMINE #user/x/INBOX",
    b"LIST", b'LIST "" "%" RETURN (', b'CREATE ""', b"RENAME", b"RENAME INBOX", b'DELETE ""',
    b"COPY 1:* \"\"", b"MOVE 1 Nowhere", b"UID EXPUNGE abc", b"STATUS INBOX (MESSAGES UNKNOWN)",
    b"SEARCH CHARSET X-UNKNOWN TEXT a", b"SEARCH LARGER 99999999999999999999", b"SEARCH SINCE 99-Zzz-99999",
    b"SEARCH (((((((((((((((((((((((((((((((((((((((((ALL)))))))))))))))))))))))))))))))))))))))))",
    b"APPEND INBOX {99999999999}", b"APPEND INBOX (\\Seen) \"99-Zzz-9999 99:99:99 +9999\" {5+}\r\nhello",
    b"APPEND Nowhere {5+}\r\nhello", b"GETQUOTAROOT INBOX", b"SETQUOTA \"\" (STORAGE 1)", b"XYZZY", b"",
    b"LOGIN a b", b"AUTHENTICATE PLAIN =", b'ID ("name"', b"ENABLE", b"NAMESPACE extra", b"UID", b"UID XYZZY 1",
    b"NOOP " + b"x" * 70000, b"FETCH 1:* (FLAGS)\x00", b"\xff\xfe FETCH 1 FLAGS",
]


class Session:
    def __init__(self):
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=30)
        self.file = self.sock.makefile("rb")
        self.file.readline()  # greeting
        self.count = 0

    def send(self, command):
        self.count += 1
        tag = b"s%d" % self.count
        self.sock.sendall(tag + b" " + command + b"\r\n")
        while True:
            line = self.file.readline()
            if not line or line.startswith(b"* BYE"):
                return "dropped"
            if line.startswith(b"+ ") and command.endswith(b"}"):  # a literal the server accepts: abandon it
                self.sock.sendall(b"\r\n")
            if line.startswith(tag + b" "):
                return line.split(b" ")[1].decode()


session = Session()
response = base64.b64encode(("user=%s\x01auth=Bearer %s\x01\x01" % (user, token)).encode())
assert session.send(b"AUTHENTICATE XOAUTH2 " + response) == "OK", "not signed in"
assert session.send(b"SELECT INBOX") == "OK", "no inbox"
report = {"answers": []}
for command in COMMANDS:
    try:
        answer = session.send(command)
    except (OSError, ValueError) as e:
        answer = "dropped"
    report["answers"].append({"command": command[:60].decode("latin-1"), "answer": answer})
    if answer == "dropped":
        session = Session()  # go on with the next command on a new session
        session.send(b"AUTHENTICATE XOAUTH2 " + response)
        session.send(b"SELECT INBOX")
report["alive"] = session.send(b"NOOP") == "OK"
print(json.dumps(report))
