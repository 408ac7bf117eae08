#!/usr/bin/env python3
"""Check thidua sealed result records with Python's standard library only.

usage: verify_record.py RECORD.json [--rules FILE] [--scores FILE] [--prev RECORD.json]

Checks the record's canonical form (RFC 8785), its hash, its result hash,
the byte hashes of the rulebook and sheet files, and its link to the
previous record; writes RECORD.json.body and RECORD.json.sig for openssl
to check the Ed25519 signature.
"""
import base64, hashlib, json, sys

def canonical(value):
    # RFC 8785 for a document without numbers (a thidua record has none):
    # keys sorted (ASCII here, so code points = UTF-16 code units), no
    # whitespace, UTF-8, only the escapes JSON requires.
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")

def sha256(data):
    return "sha256:" + hashlib.sha256(data).hexdigest()

def main(argv):
    path, opts = argv[0], dict(zip(argv[1::2], argv[2::2]))
    data = open(path, "rb").read()
    rec = json.loads(data)
    ok = True
    def check(name, good, detail):
        nonlocal ok
        ok = ok and good
        print(("ok    " if good else "FAIL  ") + name + ": " + detail)
    check("canonical form", canonical(rec) + b"\n" == data, "the file is its own RFC 8785 form")
    body = {k: v for k, v in rec.items() if k not in ("hash", "signature")}
    h = sha256(canonical(body))
    check("hash", h == rec["hash"], h)
    if "result" in rec:
        check("result hash", sha256(canonical(rec["result"])) == rec["result_hash"], rec["result_hash"])
    if "--rules" in opts and "file_hash" in rec["rulebook"]:
        check("rulebook file", sha256(open(opts["--rules"], "rb").read()) == rec["rulebook"]["file_hash"], opts["--rules"])
    if "--scores" in opts and "sheet_file_hash" in rec:
        check("sheet file", sha256(open(opts["--scores"], "rb").read()) == rec["sheet_file_hash"], opts["--scores"])
    if "--prev" in opts:
        prev = json.loads(open(opts["--prev"], "rb").read())
        prev_hash = sha256(canonical({k: v for k, v in prev.items() if k not in ("hash", "signature")}))
        check("chain", rec.get("prev") == prev_hash and int(rec["year"]) == int(prev["year"]) + 1,
              "prev " + str(rec.get("prev")) + " of " + prev["year"])
    if "signature" in rec:
        open(path + ".body", "wb").write(canonical(body))
        open(path + ".sig", "wb").write(base64.b64decode(rec["signature"], validate=True))
        print("      signer " + rec["signer"] + ": check " + path + ".sig with openssl")
    return 0 if ok else 1

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
