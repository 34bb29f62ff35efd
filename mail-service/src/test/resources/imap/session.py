"""An IMAP session by Python's imaplib, for the IMAP tests: sign in with a token, then report as JSON.

usage: session.py PORT USER TOKEN MECHANISM [STEPS]
PORT: STARTTLS is used when offered (the test certificate is self-signed: not verified); "clear:PORT" never starts
it, "tls:PORT" connects with implicit TLS. "tls" in the report: the TLS version of the connection.
MECHANISM is XOAUTH2 or OAUTHBEARER (TOKEN an access token), LOGIN or PLAIN (TOKEN a password).
Without STEPS, prints one JSON line: whether the sign-in was accepted and, when
it was, the capabilities, the folders listed, the inbox examined and every message's UID, flags and bytes (base64).
STEPS is a JSON list run in the inbox selected read-write, each step reported in "steps":
  ["store", UIDS, ITEM, FLAGS]  UID STORE (e.g. "1", "+FLAGS", "(\\Seen Reunion)"): the FETCH lines answered
  ["flags", UIDS]               UID FETCH UIDS (FLAGS): the FETCH lines
  ["noop"]                      NOOP: the untagged lines it brought
  ["examine", FOLDER]           EXAMINE FOLDER: its status and answer
  ["idle", SECONDS, TEXT]       prints "idling" and waits in IDLE for an untagged line holding TEXT: the lines, the
                                one found and the wait (the session ends there when none came)
  ["append", FOLDER, FLAGS, DATE, TEXT]  APPEND of TEXT (sent as bytes; DATE "" for none): status, answer, codes
  ["select", FOLDER, PARAMS]    after ["call", "unselect"] (and "enable"): SELECT FOLDER PARAMS, e.g. "(CONDSTORE)": its
                                status, answer and untagged lines; the session is selected again
  ["call", METHOD, ARGS...]     any imaplib command (select, create, rename, delete, expunge, uid, status...): its
                                status, its answer and the untagged lines and response codes it brought
"""
import base64
import imaplib
import json
import ssl
import sys
import time

port, user, token, mechanism = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
steps = json.loads(sys.argv[5]) if len(sys.argv) > 5 else None
unverified = ssl.create_default_context()
unverified.check_hostname = False
unverified.verify_mode = ssl.CERT_NONE
if port.startswith("tls:"):
    imap = imaplib.IMAP4_SSL("127.0.0.1", int(port[4:]), ssl_context=unverified, timeout=30)
elif port.startswith("clear:"):
    imap = imaplib.IMAP4("127.0.0.1", int(port[6:]), timeout=30)
else:
    imap = imaplib.IMAP4("127.0.0.1", int(port), timeout=30)
    if "STARTTLS" in imap.capabilities:
        imap.starttls(unverified)
report = {"capabilities": list(imap.capabilities),
          "tls": imap.sock.version() if isinstance(imap.sock, ssl.SSLSocket) else None}
if mechanism == "XOAUTH2":
    response = "user=%s\x01auth=Bearer %s\x01\x01" % (user, token)
elif mechanism == "PLAIN":
    response = "\x00%s\x00%s" % (user, token)
else:
    response = "n,a=%s,\x01auth=Bearer %s\x01\x01" % (user, token)
try:
    if mechanism == "LOGIN":
        imap.login(user, token)
    else:
        imap.authenticate(mechanism, lambda challenge: response.encode())
    report["authenticated"] = True
except imaplib.IMAP4.error as refused:
    report["authenticated"] = False
    report["refusal"] = str(refused)
    print(json.dumps(report))
    sys.exit(0)


def lines(data):
    found = []
    for item in data:
        if isinstance(item, list):  # GETQUOTAROOT's two lists
            found += lines(item)
        elif item is not None:
            found.append((item[0] if isinstance(item, tuple) else item).decode())
    return found


def untagged():
    found = []
    for name, values in list(imap.untagged_responses.items()):
        found += ["%s %s" % (v.decode() if isinstance(v, bytes) else v, name) for v in values if v is not None]
    imap.untagged_responses.clear()
    return found


if steps is None:
    status, folders = imap.list()
    report["folders"] = lines(folders)
    status, special = imap._untagged_response(*imap._simple_command("LIST", '""', '"*"', "RETURN", "(SPECIAL-USE)"), "LIST")
    report["specialUse"] = lines(special)
    status, exists = imap.select("INBOX", readonly=True)
    report["exists"] = int(exists[0])
    report["uidvalidity"] = imap.untagged_responses.get("UIDVALIDITY", [b"0"])[0].decode()
    report["messages"] = []
    if report["exists"]:
        status, data = imap.uid("FETCH", "1:*", "(UID FLAGS BODY.PEEK[])")
        for item in data:
            if isinstance(item, tuple):
                report["messages"].append({"meta": item[0].decode(), "bytes": base64.b64encode(item[1]).decode()})
else:
    status, exists = imap.select("INBOX")
    report["exists"] = int(exists[0])
    imap.untagged_responses.clear()
    report["steps"] = []
    for step in steps:
        if step[0] == "store":
            status, data = imap.uid("STORE", step[1], step[2], step[3])
            report["steps"].append({"status": status, "lines": lines(data)})
        elif step[0] == "flags":
            status, data = imap.uid("FETCH", step[1], "(FLAGS)")
            report["steps"].append({"status": status, "lines": lines(data)})
        elif step[0] == "noop":
            imap.untagged_responses.clear()
            status, data = imap.noop()
            report["steps"].append({"status": status, "lines": untagged()})
        elif step[0] == "examine":
            status, data = imap.select('"%s"' % step[1], readonly=True)
            report["steps"].append({"status": status, "lines": lines(data)})
        elif step[0] in ("append", "call"):
            imap.untagged_responses.clear()
            try:
                if step[0] == "append":
                    date = imaplib.Time2Internaldate(time.mktime(time.strptime(step[3], "%Y-%m-%d %H:%M:%S"))) \
                        if step[3] else None
                    status, data = imap.append(step[1], step[2] or None, date, step[4].encode())
                elif step[1] == "uid":  # its tagged answer, with the response code (COPYUID...)
                    status, data = imap._simple_command("UID", *step[2:])
                else:
                    status, data = getattr(imap, step[1])(*step[2:])
            except imaplib.IMAP4.error as refused:  # a BAD answer
                status, data = "BAD", [str(refused).encode()]
            report["steps"].append({"status": status, "lines": lines(data), "untagged": untagged()})
        elif step[0] == "select":  # after UNSELECT (and ENABLE): SELECT with parameters, the session selected again
            imap.untagged_responses.clear()
            status, data = imap._simple_command("SELECT", step[1], step[2])
            imap.state = "SELECTED" if status == "OK" else imap.state
            report["steps"].append({"status": status, "lines": lines(data), "untagged": untagged()})
        elif step[0] == "pause":
            print("idling", flush=True)
            time.sleep(float(step[1]))
            report["steps"].append({"paused": step[1]})
        elif step[0] == "idle":
            tag = imap._new_tag()
            imap.send(tag + b" IDLE\r\n")
            continuation = imap.readline()
            print("idling", flush=True)
            started = time.monotonic()
            seen, line = [], None
            imap.sock.settimeout(float(step[1]))
            try:
                while line is None:
                    received = imap.readline().decode().strip()
                    seen.append(received)
                    if step[2] in received:
                        line = received
            except OSError:
                pass
            waited = time.monotonic() - started
            if line is None:
                report["steps"].append({"continuation": continuation.decode().strip(), "seen": seen, "line": None})
                break  # the connection timed out: nothing more to ask on it
            imap.sock.settimeout(30)
            imap.send(b"DONE\r\n")
            while not imap.readline().startswith(tag):
                pass
            report["steps"].append({"continuation": continuation.decode().strip(), "seen": seen, "line": line,
                                    "waited": waited})
if not report.get("steps") or report["steps"][-1].get("line", "") is not None:
    try:
        imap.logout()
    except (imaplib.IMAP4.abort, OSError):
        pass  # the server ended the session (a revoked password)
print(json.dumps(report))
