"""Submits a message as a mail client does, with Python's smtplib, and prints what the submission door answered.

Usage: submit.py PORT USER SECRET MECHANISM ENVELOPE_FROM RECIPIENTS(comma-separated) MESSAGE_FILE
PORT: STARTTLS is used when offered (the test certificate is self-signed: not verified); "clear:PORT" never starts
it, "tls:PORT" connects with implicit TLS. MECHANISM: PLAIN, LOGIN (SECRET a password), XOAUTH2, OAUTHBEARER (SECRET an
access token) or NONE (no AUTH). Prints one JSON object: the EHLO features (after TLS when it started), the TLS
version, AUTH's code and text, the refused recipients and the outcome of the sending ("250", or the code and text).
"""
import base64
import json
import smtplib
import ssl
import sys

port, user, secret, mechanism, sender = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5]
recipients, message = sys.argv[6].split(","), open(sys.argv[7], "rb").read()
unverified = ssl.create_default_context()
unverified.check_hostname = False
unverified.verify_mode = ssl.CERT_NONE
result = {}
if port.startswith("tls:"):
    smtp = smtplib.SMTP_SSL("127.0.0.1", int(port[4:]), timeout=30, context=unverified)
else:
    smtp = smtplib.SMTP("127.0.0.1", int(port.replace("clear:", "")), timeout=30)
smtp.ehlo("poste-de-lena")
if not port.startswith("clear:") and not port.startswith("tls:") and smtp.has_extn("starttls"):
    smtp.starttls(context=unverified)
    smtp.ehlo("poste-de-lena")
result["ehlo"] = sorted(smtp.esmtp_features.keys())
result["auth-offered"] = smtp.esmtp_features.get("auth", "").split()
result["tls"] = smtp.sock.version() if isinstance(smtp.sock, ssl.SSLSocket) else None
try:
    if mechanism == "PLAIN":  # sent even when AUTH is not offered: what the server does with it is the question
        code, text = smtp.docmd("AUTH", "PLAIN " + base64.b64encode(("\x00%s\x00%s" % (user, secret)).encode()).decode())
        result["auth"] = [code, text.decode()]
        if code != 235:
            raise smtplib.SMTPAuthenticationError(code, text)
    elif mechanism == "LOGIN":
        smtp.user, smtp.password = user, secret
        code, text = smtp.auth("LOGIN", smtp.auth_login, initial_response_ok=True)
        result["auth"] = [code, text.decode()]
    elif mechanism in ("XOAUTH2", "OAUTHBEARER"):
        response = ("user=%s\x01auth=Bearer %s\x01\x01" if mechanism == "XOAUTH2" else "n,a=%s,\x01auth=Bearer %s\x01\x01") \
            % (user, secret)
        code, text = smtp.docmd("AUTH", mechanism + " " + base64.b64encode(response.encode()).decode())
        if code == 334:  # the error's details (RFC 7628 3.2.2): the client ends the exchange with a ^A
            code, text = smtp.docmd(base64.b64encode(b"\x01").decode())
        result["auth"] = [code, text.decode()]
        if code != 235:
            raise smtplib.SMTPAuthenticationError(code, text)
    refused = smtp.sendmail(sender, recipients, message)
    result["refused"] = {r: [c, t.decode()] for r, (c, t) in refused.items()}
    result["outcome"] = "250"
    smtp.quit()
except smtplib.SMTPAuthenticationError as e:
    result["auth"] = [e.smtp_code, e.smtp_error.decode()]
    result["outcome"] = "not signed in"
except smtplib.SMTPRecipientsRefused as e:
    result["refused"] = {r: [c, t.decode()] for r, (c, t) in e.recipients.items()}
    result["outcome"] = "no recipient"
except (smtplib.SMTPSenderRefused, smtplib.SMTPDataError, smtplib.SMTPNotSupportedError) as e:
    result["outcome"] = "%d %s" % (getattr(e, "smtp_code", 0), getattr(e, "smtp_error", str(e).encode()).decode())
print(json.dumps(result))
