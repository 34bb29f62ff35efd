"""Sends a message to the MX with Python's smtplib, as a sending server would, and prints what the MX answered.

Usage: send.py PORT SENDER RECIPIENTS(comma-separated) MESSAGE_FILE [MODE]
MODE: "send" (default), "size=N" (declares SIZE=N at MAIL FROM), "drop" (the connection drops before the final dot),
"starttls" (sends after STARTTLS, accepting the MX's self-signed certificate, and reports the TLS version).
Prints one JSON object: the EHLO features, each refused recipient's code and text, and the outcome of DATA.
"""
import json
import smtplib
import ssl
import sys

port, sender, recipients, path = int(sys.argv[1]), sys.argv[2], sys.argv[3].split(","), sys.argv[4]
mode = sys.argv[5] if len(sys.argv) > 5 else "send"
message = open(path, "rb").read()
result = {}
smtp = smtplib.SMTP("127.0.0.1", port, timeout=30)
code, features = smtp.ehlo("mail.exemple-parent.fr")
result["ehlo"] = features.decode().split("\n")[1:]
if mode == "starttls":
    smtp.starttls(context=ssl._create_unverified_context())
    result["tls"] = smtp.sock.version()
    smtp.ehlo("mail.exemple-parent.fr")
try:
    if mode == "drop":
        smtp.mail(sender)
        for recipient in recipients:
            smtp.rcpt(recipient)
        smtp.putcmd("data")
        result["data"] = list(smtp.getreply())[:1]
        smtp.send(message[: len(message) // 2])
        smtp.sock.close()  # gone before the final dot
        result["outcome"] = "dropped"
    else:
        options = [mode.replace("size=", "SIZE=")] if mode.startswith("size=") else []
        refused = smtp.sendmail(sender, recipients, message, mail_options=options)
        result["refused"] = {r: [c, t.decode()] for r, (c, t) in refused.items()}
        result["outcome"] = "250"
        smtp.quit()
except smtplib.SMTPRecipientsRefused as e:
    result["refused"] = {r: [c, t.decode()] for r, (c, t) in e.recipients.items()}
    result["outcome"] = "no recipient"
except (smtplib.SMTPSenderRefused, smtplib.SMTPDataError) as e:
    result["outcome"] = "%d %s" % (e.smtp_code, e.smtp_error.decode())
print(json.dumps(result))
