"""Times what a mail client does when it opens a big folder: SELECT INBOX, then UID FETCH 1:* (FLAGS).

usage: select-fetch.py PORT USER TOKEN RUNS
Signs in with XOAUTH2 over STARTTLS (the benchmark's certificate is self-signed: not verified), then RUNS times on
fresh connections: the seconds of SELECT, of the flags fetch, and how many messages answered. Prints one JSON object.
"""
import imaplib
import json
import ssl
import sys
import time

port, user, token, runs = int(sys.argv[1]), sys.argv[2], sys.argv[3], int(sys.argv[4])
context = ssl.create_default_context()
context.check_hostname = False
context.verify_mode = ssl.CERT_NONE
results = []
for run in range(runs):
    imap = imaplib.IMAP4("127.0.0.1", port, timeout=600)
    imap.starttls(context)
    imap.authenticate("XOAUTH2", lambda challenge: ("user=%s\x01auth=Bearer %s\x01\x01" % (user, token)).encode())
    started = time.monotonic()
    status, exists = imap.select("INBOX", readonly=True)
    selected = time.monotonic()
    status, data = imap.uid("FETCH", "1:*", "(FLAGS)")
    fetched = time.monotonic()
    results.append({"select": selected - started, "fetch": fetched - selected, "exists": int(exists[0]),
                    "answered": len([d for d in data if d])})
    imap.logout()
print(json.dumps(results))
