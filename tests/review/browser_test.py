#!/usr/bin/env python3
"""The review page in a real Chromium (headless, driven by Selenium): approve the best proposal
with its button, then `termalign lookup` shows the term approved in the entity it was proposed
for; merge the first two beads in the alignment view and save, then the pair's TMX has the
merged unit; accept a finding in the QA view, then `qa --accepted` lists it as accepted, not as
a finding. Keeps screenshots of each view. Exits 77 (skipped) when Chromium, its driver or
Selenium is missing."""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ElementTree

SKIP = 77


def skip(why):
    print(f"skipped: {why}")
    sys.exit(SKIP)


def lookup_terms(binary, work, term):
    """'status:text' of each term of the first entity `lookup` finds for `term`."""
    out = subprocess.run([binary, "lookup", "--all", "--json", "--db", "o/termalign.db", term],
                         cwd=work, capture_output=True, text=True, check=True).stdout
    entity = json.loads(out.splitlines()[0])
    return {f"{t['status']}:{t['text']}" for t in entity["terms"]}


def tmx_units(path):
    """(source, target) text of every unit of a two-language TMX, en first."""
    units = []
    for tu in ElementTree.parse(path).getroot().iter("tu"):
        segs = {}
        for tuv in tu.iter("tuv"):
            lang = tuv.get("{http://www.w3.org/XML/1998/namespace}lang")
            segs[lang] = "".join(tuv.find("seg").itertext())
        units.append((segs.get("en"), segs.get("fr")))
    return units


def merge_and_save(driver, wait, By, work, artifacts):
    """Merges the first bead with the second in the alignment view, saves, and checks the TMX."""
    driver.find_element(By.CSS_SELECTOR, 'header .tab[data-view="alignment"]').click()
    wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#beads tbody tr.bead")) > 2)
    driver.save_screenshot(os.path.join(artifacts, "review-alignment.png"))
    rows = driver.find_elements(By.CSS_SELECTOR, "#beads tbody tr.bead")
    texts = [(" ".join(s.text for s in row.find_elements(By.CSS_SELECTOR, "td.source .sentence")),
              " ".join(s.text for s in row.find_elements(By.CSS_SELECTOR, "td.target .sentence")))
             for row in rows[:2]]
    merged = tuple(" ".join(t for t in side if t) for side in zip(*texts))
    tmx = os.path.join(work, "o", "tmx", "tram.en-fr.tmx")
    before = tmx_units(tmx)
    assert merged not in before, merged

    rows[0].find_element(By.CSS_SELECTOR, "button.merge").click()
    wait.until(lambda d: "merged" in d.find_element(By.ID, "status").text)
    wait.until(lambda d: d.find_element(By.ID, "save").is_enabled())
    first = driver.find_element(By.CSS_SELECTOR, "#beads tbody tr.bead")
    assert len(first.find_elements(By.CSS_SELECTOR, "td.source .sentence")) == \
        len([t for t in texts if t[0]]), first.text
    driver.find_element(By.ID, "save").click()
    wait.until(lambda d: d.find_element(By.ID, "status").text.startswith("saved:"))
    wait.until(lambda d: not d.find_element(By.ID, "save").is_enabled())
    driver.save_screenshot(os.path.join(artifacts, "review-alignment-saved.png"))

    after = tmx_units(tmx)
    assert merged in after, (merged, after[:3])
    assert len(after) == len(before) - 1 or not all(texts[1]), (len(before), len(after))
    for unit in before[:2]:
        assert unit not in after or not all(unit), unit
    print(f"merged beads 1 and 2 in the page; {tmx} now holds {merged}")


def link_to_another_entity(driver, wait, By, binary, work, artifacts):
    """Links a proposal's term, through the card's search box, to the entity another card
    proposes; then `lookup` finds the term approved in that entity."""
    cards = driver.find_elements(By.CSS_SELECTOR, "#proposals .proposal")
    card = cards[0]
    other = next((c for c in cards[1:]
                  if c.get_attribute("data-entity") != card.get_attribute("data-entity") and
                  len(c.find_elements(By.CSS_SELECTOR, ".pair .term")) > 1), None)
    assert other is not None, "every proposal shown is for one entity"
    proposal_id = card.get_attribute("data-id")
    term = card.find_element(By.CSS_SELECTOR, ".pair .term").text
    entity = other.get_attribute("data-entity")
    # The other card's entity, by the first of its terms (after the proposed one).
    entity_term = other.find_elements(By.CSS_SELECTOR, ".pair .term")[1].text
    assert f"approved:{term}" not in lookup_terms(binary, work, term)

    card.find_element(By.CSS_SELECTOR, "button.link").click()
    search = card.find_element(By.CSS_SELECTOR, ".link-search input")
    search.send_keys(entity_term)
    row = wait.until(lambda d: card.find_elements(
        By.CSS_SELECTOR, f'.link-results li.entity[data-entity="{entity}"]'))[0]
    driver.save_screenshot(os.path.join(artifacts, "review-terms-link.png"))
    row.find_element(By.CSS_SELECTOR, "button.link-here").click()
    wait.until(lambda d: f"(p{proposal_id})" in d.find_element(By.ID, "status").text)
    status = driver.find_element(By.ID, "status")
    assert "error" not in (status.get_attribute("class") or ""), status.text
    assert status.text.startswith(f"linked '{term}' to entity e{entity} ") or \
        status.text.startswith(f"approved '{term}' for entity e{entity} "), status.text
    wait.until(lambda d: not d.find_elements(
        By.CSS_SELECTOR, f'#proposals .proposal[data-id="{proposal_id}"]'))
    after = lookup_terms(binary, work, term)
    assert f"approved:{term}" in after, after
    assert any(t.endswith(":" + entity_term) for t in after), (entity_term, after)
    print(f"linked p{proposal_id} '{term}' to e{entity} in the page; lookup shows {sorted(after)}")


def qa_findings(binary, work, examples):
    """The JSON lines of `qa` on the tram pair, with the run's accepted list once there is one,
    summary left out."""
    accepted = ["--accepted", "o/accepted.tsv"] if os.path.exists(
        os.path.join(work, "o", "accepted.tsv")) else []
    done = subprocess.run([binary, "qa", os.path.join(examples, "tram.en.txt"),
                           os.path.join(examples, "tram.fr.txt"), "--json"] + accepted,
                          cwd=work, capture_output=True, text=True)
    assert done.returncode in (0, 1), done.stderr
    return [f for f in map(json.loads, done.stdout.splitlines()) if f["type"] != "summary"]


def accept_finding(driver, wait, By, binary, work, examples, artifacts):
    """Accepts, in the QA view, a finding `qa` reports too; then `qa --accepted` lists it as
    accepted and not as a finding."""
    driver.find_element(By.CSS_SELECTOR, 'header .tab[data-view="qa"]').click()
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#findings .finding"))
    driver.save_screenshot(os.path.join(artifacts, "review-qa.png"))
    before = qa_findings(binary, work, examples)
    reported = {(f["type"], f["source_text"], f["target_text"]) for f in before}
    def shown(accepted):
        """The fingerprints of the page's findings that are (or are not) shown accepted."""
        selector = "#findings .finding" + (".accepted" if accepted else ":not(.accepted)")
        prints = []
        for item in driver.find_elements(By.CSS_SELECTOR, selector):
            texts = [d.text for d in item.find_elements(By.CSS_SELECTOR, ".example div")]
            prints.append((item, (item.find_element(By.CSS_SELECTOR, ".kind").text, *texts)))
        return prints

    chosen = next((found for found in shown(False) if found[1] in reported), None)
    assert chosen, "no finding of the page is one qa reports"
    item, fingerprint = chosen
    item.find_element(By.CSS_SELECTOR, "button.accept").click()
    wait.until(lambda d: d.find_element(By.ID, "status").text.startswith("accepted"))
    # The page reads the rewritten QA: the finding is listed accepted, after the others.
    wait.until(lambda d: fingerprint in [p for _, p in shown(True)])
    assert fingerprint not in [p for _, p in shown(False)]
    driver.save_screenshot(os.path.join(artifacts, "review-qa-accepted.png"))
    after = qa_findings(binary, work, examples)
    assert not [f for f in after if not f.get("accepted") and
                (f["type"], f["source_text"], f["target_text"]) == fingerprint], after
    assert [f for f in after if f.get("accepted") and
            (f["type"], f["source_text"], f["target_text"]) == fingerprint], after
    assert len(after) == len(before)
    print(f"accepted {fingerprint[0]} in the page; qa --accepted lists it as accepted")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--examples", required=True)
    parser.add_argument("--artifacts", required=True)
    args = parser.parse_args()

    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
        from selenium.webdriver.common.by import By
        from selenium.webdriver.support import expected_conditions
        from selenium.webdriver.support.ui import WebDriverWait
    except ImportError:
        skip("python3-selenium is not installed (scripts/install-deps.sh --ci)")
    chromium = shutil.which("chromium")
    driver_path = shutil.which("chromedriver")
    if not chromium or not driver_path:
        skip("chromium and chromium-driver are not installed (scripts/install-deps.sh --ci)")

    os.makedirs(args.artifacts, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="termalign-browser-") as work:
        subprocess.run([args.binary, "run", args.examples, "-o", "o", "-q"], cwd=work,
                       check=True, stdout=subprocess.DEVNULL)
        server = subprocess.Popen([args.binary, "review", "o", "-q"], cwd=work,
                                  stdout=subprocess.PIPE, text=True)
        driver = None
        try:
            url = server.stdout.readline().strip()
            assert url.startswith("http://127.0.0.1:"), url
            options = webdriver.ChromeOptions()
            options.binary_location = chromium
            for flag in ("--headless=new", "--no-sandbox", "--disable-gpu",
                         "--disable-dev-shm-usage", "--window-size=1280,900"):
                options.add_argument(flag)
            driver = webdriver.Chrome(service=Service(executable_path=driver_path),
                                      options=options)
            driver.get(url)
            wait = WebDriverWait(driver, 30)
            first = wait.until(expected_conditions.presence_of_element_located(
                (By.CSS_SELECTOR, "#proposals .proposal")))
            driver.save_screenshot(os.path.join(args.artifacts, "review-terms.png"))
            proposal_id = first.get_attribute("data-id")
            term = first.find_element(By.CSS_SELECTOR, ".pair .term").text
            before = lookup_terms(args.binary, work, term)
            assert f"approved:{term}" not in before, before

            first.find_element(By.CSS_SELECTOR, "button.approve").click()
            wait.until(lambda d: f"(p{proposal_id})" in d.find_element(By.ID, "status").text)
            status = driver.find_element(By.ID, "status")
            assert "error" not in (status.get_attribute("class") or ""), status.text
            assert status.text == f"approved '{term}' (p{proposal_id})", status.text
            # The list was read again: the decided proposal is gone from it.
            wait.until(lambda d: not d.find_elements(
                By.CSS_SELECTOR, f'#proposals .proposal[data-id="{proposal_id}"]'))
            driver.save_screenshot(os.path.join(args.artifacts, "review-terms-approved.png"))

            after = lookup_terms(args.binary, work, term)
            assert f"approved:{term}" in after, after
            assert len(after) > len(before), (before, after)
            print(f"approved p{proposal_id} '{term}' in the page; lookup now shows {sorted(after)}")
            link_to_another_entity(driver, wait, By, args.binary, work, args.artifacts)
            accept_finding(driver, wait, By, args.binary, work, args.examples, args.artifacts)
            merge_and_save(driver, wait, By, work, args.artifacts)
        finally:
            if driver is not None:
                driver.quit()
            server.terminate()
            server.wait(timeout=30)


if __name__ == "__main__":
    main()
