// HandhavingsKoers live updates. Without this script every page works with plain forms and reloads;
// with it, pages follow the room through one Server-Sent Events stream and post forms without a reload.
(() => {
    "use strict";
    const root = document.querySelector("[data-live]");
    if (!root || !("EventSource" in window) || !("fetch" in window)) {
        return;
    }

    const announcer = document.getElementById("live-announcer");

    // Sentences that are only true with or without this script (does the screen follow the room by itself?).
    document.querySelectorAll("[data-without-script]").forEach((element) => { element.hidden = true; });
    document.querySelectorAll("[data-with-script]").forEach((element) => { element.hidden = false; });

    // Every sentence comes from the server (Texts.Live in the C# code), so all interface text stays in one place.
    const texts = JSON.parse((announcer && announcer.dataset.texts) || "{}");
    const t = (key, ...values) => (texts[key] || "").replace(/\{(\d)\}/g, (_, i) => String(values[Number(i)]));
    const say = (text) => {
        if (!announcer) return;
        announcer.textContent = "";
        // A fresh text node makes screen readers announce it, without moving focus.
        window.setTimeout(() => { announcer.textContent = text; }, 50);
    };

    const isTypingIn = (scope) => Array.from(scope.querySelectorAll("textarea, input[type=text], input[type=date], input[type=number]"))
        .some((field) => field.value.trim() !== "" && field.defaultValue !== field.value)
        || Array.from(scope.querySelectorAll("input[type=checkbox]")).some((box) => box.checked !== box.defaultChecked);
    const isTyping = () => isTypingIn(document);

    const post = (form, submitter) => {
        const data = new FormData(form);
        if (submitter && submitter.name) data.set(submitter.name, submitter.value);
        const action = (submitter && submitter.getAttribute("formaction")) || form.getAttribute("action") || window.location.href;
        return fetch(action, { method: "POST", body: data, headers: { "X-Requested-With": "fetch" }, credentials: "same-origin" });
    };

    // ---- The presenter: the stage is fetched again on every change; keys drive the facilitator's buttons.
    if (root.dataset.stage) {
        const stage = document.getElementById("stage");
        const controls = document.getElementById("presenter-controls");
        let retry = 0;
        let pending = 0;
        // The first change is fetched at once (the room watches the screen); a burst after it is coalesced into one
        // fetch at most every 250 ms. Only the newest answer is shown, should an older one arrive after it.
        let lastFetch = 0;
        let asked = 0;
        const refreshStage = () => {
            if (pending) return;
            pending = window.setTimeout(() => { pending = 0; fetchStage(); }, Math.max(0, lastFetch + 250 - Date.now()));
        };
        const fetchStage = async () => {
            window.clearTimeout(retry);
            lastFetch = Date.now();
            const mine = ++asked;
            try {
                const response = await fetch(root.dataset.stage, { credentials: "same-origin", cache: "no-store" });
                if (response.ok) {
                    const html = await response.text();
                    if (mine !== asked) return;
                    stage.innerHTML = html;
                    startTimers();
                    return;
                }
            } catch {
                // fall through to the retry
            }
            retry = window.setTimeout(fetchStage, 2000);
        };
        window.addEventListener("online", () => refreshStage());

        // The projected screen shows the room's view: the buttons fade out after a few seconds without the mouse
        // and come back when the facilitator moves it, touches the screen or tabs to them (the keys keep working).
        let idle = 0;
        const wake = () => {
            document.body.classList.remove("presenter-idle");
            window.clearTimeout(idle);
            idle = window.setTimeout(() => document.body.classList.add("presenter-idle"), 4000);
        };
        for (const type of ["mousemove", "mousedown", "touchstart", "focusin"]) document.addEventListener(type, wake, { passive: true });
        wake();

        // The buttons depend on the step and its state, so after a change the whole page is fetched and its stage and
        // buttons are swapped in. A reload would lose a key pressed while it happens; instead every press and every
        // change waits its turn, and a press is resolved against the buttons as they are when its turn comes.
        let queue = Promise.resolve();
        const enqueue = (work) => { queue = queue.then(work).catch(() => window.location.reload()); };
        const refreshPage = async () => {
            const response = await fetch(window.location.href, { credentials: "same-origin", cache: "no-store" });
            if (!response.ok) throw new Error(String(response.status));
            const fresh = new DOMParser().parseFromString(await response.text(), "text/html");
            const freshRoot = fresh.querySelector("[data-stage]");
            const freshControls = fresh.getElementById("presenter-controls");
            if (!freshRoot || !freshControls) throw new Error("presenter");
            const focused = document.activeElement && controls.contains(document.activeElement) ? document.activeElement.dataset.key : null;
            window.clearTimeout(pending);
            pending = 0;
            stage.innerHTML = fresh.getElementById("stage").innerHTML;
            controls.innerHTML = freshControls.innerHTML;
            root.dataset.step = freshRoot.dataset.step;
            root.dataset.control = freshRoot.dataset.control;
            startTimers();
            const again = focused && controls.querySelector(`[data-key="${focused}"]`);
            if (again) again.focus();
        };
        const press = (key) => enqueue(async () => {
            const button = controls.querySelector(`[data-key="${key}"]`);
            if (!button) return;
            const response = await post(controls, button);
            if (!response.ok) throw new Error(String(response.status));
            await refreshPage();
        });
        controls.addEventListener("submit", (event) => {
            event.preventDefault();
            if (event.submitter && event.submitter.dataset.key) press(event.submitter.dataset.key);
        });
        document.addEventListener("keydown", (event) => {
            if (event.altKey || event.ctrlKey || event.metaKey) return;
            const key = { PageDown: "ArrowRight", PageUp: "ArrowLeft", V: "v", T: "t", S: "s" }[event.key] || event.key;
            if (key === "f" || key === "F") {
                if (document.fullscreenElement) document.exitFullscreen(); else document.documentElement.requestFullscreen();
                return;
            }
            if (controls.querySelector(`[data-key="${key}"]`)) {
                event.preventDefault();
                press(key);
            }
        });
        listen({
            notes: refreshStage,
            scores: refreshStage,
            dots: refreshStage,
            participants: refreshStage,
            // After the presenter's own move the page is fresh already (the press fetched it).
            step: (data) => enqueue(() => (data.step === root.dataset.step ? undefined : refreshPage())),
            state: () => enqueue(refreshPage),
            status: () => enqueue(refreshPage),
            reset: () => enqueue(refreshPage),
            hello: refreshStage,
        });
        startTimers();
        return;
    }

    // ---- Participant and facilitator step pages.
    const viewed = root.dataset.step;
    let current = root.dataset.current;

    // A list drawn again must not take the keyboard away: someone tabbing through the notes (or who just deleted one)
    // while others' notes arrive would be sent back to the top of the page every few seconds. Focus goes to the same
    // element in the fresh list (by id, or the same button of the same note), else to the list itself.
    const keepFocus = (active, fresh) => {
        const sameId = (element) => element.id ? fresh.querySelector("#" + CSS.escape(element.id)) : null;
        let target = active.id === fresh.id ? fresh : sameId(active);
        const note = !target && active.closest("li[id]");
        const freshNote = note ? sameId(note) : null;
        if (freshNote) {
            target = Array.from(freshNote.querySelectorAll(active.tagName)).find((e) => e.textContent === active.textContent) || null;
        }
        if (!target) target = fresh;
        if (target === fresh) fresh.tabIndex = -1;
        target.focus();
    };

    const applyFragment = (html) => {
        const fragment = document.createElement("template");
        fragment.innerHTML = html;
        let added = 0;
        for (const id of ["step-status", "scores-result", "notes-Already", "notes-Todo"]) {
            const fresh = fragment.content.getElementById(id);
            const old = document.getElementById(id);
            if (!fresh || !old) continue;
            if (old.dataset.count && fresh.dataset.count) added += Number(fresh.dataset.count) - Number(old.dataset.count);
            const count = document.getElementById("count-" + id.replace("notes-", ""));
            if (count && fresh.dataset.count) count.textContent = `(${fresh.dataset.count})`;
            // Someone is editing a note in this list: keep their form; the list is fresh again after they save.
            if (old.querySelector("form.note-edit")) continue;
            const active = document.activeElement;
            const hadFocus = active && active !== document.body && old.contains(active);
            old.replaceWith(fresh);
            if (hadFocus) keepFocus(active, fresh);
        }
        const status = document.getElementById("step-status");
        if (status) {
            const locked = status.dataset.locked === "true";
            document.querySelectorAll("form.note-add, form.score-form").forEach((form) => { form.hidden = locked; });
        }
        startTimers();
        if (added > 0) say(added === 1 ? t("newNote") : t("newNotes", added));
    };

    // On poor Wi-Fi a fetch can fail while the stream still looks open: try again until it works.
    // In a busy room many events arrive close together: fetch at most once per 500 ms, and once more after the
    // last event, instead of once per event (which would grow with the square of the room's size).
    let retry = 0;
    let inFlight = false;
    let again = false;
    let lastFetch = 0;
    const refreshNotes = async () => {
        if (!root.dataset.fragment) return;
        if (inFlight) {
            again = true;
            return;
        }
        const wait = lastFetch + 500 - Date.now();
        if (wait > 0) {
            window.clearTimeout(retry);
            retry = window.setTimeout(refreshNotes, wait);
            return;
        }
        window.clearTimeout(retry);
        inFlight = true;
        lastFetch = Date.now();
        try {
            await fetchNotes();
        } finally {
            inFlight = false;
            if (again) {
                again = false;
                refreshNotes();
            }
        }
    };
    const fetchNotes = async () => {
        const asked = Date.now();
        try {
            const response = await fetch(root.dataset.fragment, { credentials: "same-origin", cache: "no-store" });
            if (response.ok) {
                applyFragment(await response.text());
                // A note that came in an event while this fetch was on its way may be missing from its answer.
                for (const seen of arrived) if (seen.at >= asked) showNote(seen.note);
                return;
            }
        } catch {
            // fall through to the retry
        }
        retry = window.setTimeout(refreshNotes, 2000);
    };
    window.addEventListener("online", () => refreshNotes());

    // Only a count changed (a note nobody else may read yet, a score): ask within a few seconds, not all pages at once.
    let later = 0;
    const refreshLater = () => {
        if (!later) later = window.setTimeout(() => { later = 0; if (root.dataset.fragment) refreshNotes(); else refreshRegions(); }, 1000 + Math.random() * 4000);
    };

    // A note another participant added, from the event itself (WorkshopEvent.DataFor): the same <li> as _NoteList
    // renders for a note that is not yours. False when the list cannot simply grow (it is not on this page, or it
    // shows only the newest notes): then the page fetches its notes.
    const arrived = [];
    const showNote = (note) => {
        if (document.getElementById("notitie-" + note.id)) return true;
        const list = document.getElementById("notes-" + note.column);
        if (!list || list.querySelector(".more-notes")) return false;
        let items = list.querySelector("ul.notes");
        if (items && list.dataset.max && items.children.length >= Number(list.dataset.max)) return false;
        if (!items) {
            items = document.createElement("ul");
            items.className = "notes";
            list.querySelector("p.empty")?.remove();
            list.append(items);
        }
        const item = document.createElement("li");
        item.id = "notitie-" + note.id;
        item.className = "note";
        const text = document.createElement("p");
        text.className = "note-text";
        text.textContent = note.text;
        const meta = document.createElement("p");
        meta.className = "note-meta";
        meta.textContent = t("noteBy", note.author);
        item.append(text, meta);
        items.append(item);
        const count = Number(list.dataset.count || 0) + 1;
        list.dataset.count = String(count);
        const label = document.getElementById("count-" + note.column);
        if (label) label.textContent = `(${count})`;
        say(t("newNote"));
        return true;
    };
    const noteArrived = (note) => {
        const now = Date.now();
        arrived.push({ note, at: now });
        while (arrived.length && arrived[0].at < now - 30000) arrived.shift();
        return showNote(note);
    };

    const showFieldError = (form, message) => {
        const field = form.querySelector("textarea");
        let error = form.querySelector(".field-error");
        if (!error) {
            error = document.createElement("p");
            error.className = "field-error";
            error.id = (field ? field.id : "form") + "-fout";
            (field || form.firstChild).before(error);
        }
        error.textContent = message;
        if (field) {
            field.setAttribute("aria-invalid", "true");
            field.setAttribute("aria-describedby", [field.getAttribute("aria-describedby"), error.id].filter(Boolean).join(" "));
            field.focus();
        }
    };

    document.addEventListener("submit", async (event) => {
        const form = event.target;
        if (!(form instanceof HTMLFormElement) || !form.matches("form.note-add, form.note-delete, form.score-form")) return;
        event.preventDefault();
        const button = form.querySelector("button[type=submit]");
        // Where the keyboard goes once it is done: disabling the pressed button drops the focus to the page itself,
        // and a deleted note's form leaves the page, so a keyboard or screen reader user would start again at the top.
        let focusAfter = event.submitter || button;
        const list = form.closest("[id^='notes-']");
        if (button) button.disabled = true;
        try {
            const response = await post(form, event.submitter);
            if (response.ok) {
                applyFragment(await response.text());
                if (form.matches(".note-delete") && list) {
                    // The list was drawn again without this note: go on from the list, and say what happened.
                    focusAfter = document.getElementById(list.id);
                    if (focusAfter) focusAfter.tabIndex = -1;
                    say(t("noteDeleted"));
                }
                const field = form.querySelector("textarea");
                // The next note gets a new id; a retry of this one would have kept the old.
                const clientId = form.querySelector("input.client-id");
                if (clientId) clientId.value = newId();
                if (field) {
                    field.value = "";
                    field.removeAttribute("aria-invalid");
                    form.querySelector(".field-error")?.remove();
                    say(t("noteAdded"));
                    // Ready for the next note, as the page without the script is (it returns to the form).
                    focusAfter = field;
                }
                if (form.matches(".score-form")) {
                    form.querySelector(".field-error")?.remove();
                    const removed = event.submitter && event.submitter.name === "remove";
                    if (removed) form.querySelectorAll("input[name=score]").forEach((input) => { input.checked = false; });
                    // Visible too, not only for screen readers: the person who pressed the button wants to see it worked.
                    let saved = form.querySelector(".score-saved");
                    if (!saved) {
                        saved = document.createElement("p");
                        saved.className = "score-saved notice";
                        form.append(saved);
                    }
                    saved.textContent = removed ? t("scoreRemoved") : t("scoreSaved");
                    say(saved.textContent);
                }
            } else if ((response.status === 400 || response.status === 409 || response.status === 429) && (response.headers.get("Content-Type") || "").startsWith("text/plain")) {
                showFieldError(form, await response.text());
            } else {
                // Anything else (a stale form, no access): let the browser post it the plain way.
                form.submit();
            }
        } catch {
            showFieldError(form, t("sendFailed"));
        } finally {
            if (button) button.disabled = false;
            // Only when the focus was lost: an error already put it on the field, and someone may have moved on.
            const active = document.activeElement;
            if ((!active || active === document.body) && focusAfter && focusAfter.isConnected) focusAfter.focus();
        }
    });

    // A page that was following and arrives after the room moved on again (quick key presses on the projector)
    // keeps following: it goes straight on to the room's step.
    const followKey = "hk-following";
    if (sessionStorage.getItem(followKey) === "1") {
        sessionStorage.removeItem(followKey);
        if (viewed !== current && !isTyping()) {
            sessionStorage.setItem(followKey, "1");
            window.location.replace(`${root.dataset.base}/${current}`);
            return;
        }
    }

    const banner = document.getElementById("follow-banner");
    const onStep = (data) => {
        if (!data.step || data.step === current) return;
        const following = viewed === current;
        current = data.step;
        const url = `${root.dataset.base}/${data.step}`;
        // Participants follow the room; so does the facilitator's laptop when the projector's keys moved it.
        if (following && !isTyping()) {
            sessionStorage.setItem(followKey, "1");
            // The room's phones go first; the facilitator's laptop (a heavier page) a moment later.
            window.setTimeout(() => window.location.assign(url), root.dataset.role === "participant" ? 0 : 400);
        } else if (root.dataset.role === "participant" && banner) {
            banner.innerHTML = "";
            const text = document.createElement("span");
            text.textContent = t("groupMoved");
            const link = document.createElement("a");
            link.href = url;
            link.textContent = t("goToStep");
            banner.append(text, link);
            banner.hidden = false;
        }
    };

    // The facilitator's page shows how many people joined.
    const refreshCount = async () => {
        const counter = document.getElementById("participant-count");
        if (!counter) return;
        const response = await fetch(window.location.pathname, { credentials: "same-origin", cache: "no-store" });
        if (!response.ok) return;
        const page = new DOMParser().parseFromString(await response.text(), "text/html");
        const fresh = page.getElementById("participant-count");
        if (fresh) counter.innerHTML = fresh.innerHTML;
    };

    // Steps without a notes fragment (the three actions): fetch the page and swap its live regions, unless the
    // person is typing in one of them.
    const swapRegions = (page) => {
        // A button someone is on (a dot button) keeps the focus when its region is drawn again.
        const focused = document.activeElement instanceof HTMLElement ? document.activeElement.dataset.focus : undefined;
        for (const region of document.querySelectorAll("[data-live-region]")) {
            const fresh = page.getElementById(region.id);
            if (fresh && !isTypingIn(region)) region.replaceWith(document.importNode(fresh, true));
        }
        const again = focused && document.querySelector(`[data-focus="${focused}"]`);
        if (again) again.focus();
    };
    const refreshRegions = async () => {
        const regions = Array.from(document.querySelectorAll("[data-live-region]"));
        if (regions.length === 0 || regions.some((region) => isTypingIn(region))) return;
        const response = await fetch(window.location.pathname, { credentials: "same-origin", cache: "no-store" });
        if (!response.ok) return;
        swapRegions(new DOMParser().parseFromString(await response.text(), "text/html"));
    };

    // Dots (the prioritising round): placed and taken back without a reload. The focus stays on the note (on the
    // other button when the pressed one is gone) and the screen reader hears how many dots are left.
    document.addEventListener("submit", async (event) => {
        const form = event.target;
        if (!(form instanceof HTMLFormElement) || !form.matches("form.dot-form")) return;
        event.preventDefault();
        const pressed = (event.submitter && event.submitter.dataset.focus) || "";
        const item = form.closest("li");
        // One dot per press: a second tap waits for the first to be stored.
        if (form.dataset.busy) return;
        form.dataset.busy = "1";
        try {
            const response = await post(form, event.submitter);
            if (response.ok) {
                swapRegions(new DOMParser().parseFromString(await response.text(), "text/html"));
                const other = pressed.startsWith("geef-") ? pressed.replace("geef-", "neem-") : pressed.replace("neem-", "geef-");
                const target = document.querySelector(`[data-focus="${pressed}"]`) || document.querySelector(`[data-focus="${other}"]`)
                    || (item && document.getElementById(item.id));
                if (target) {
                    if (!target.matches("button")) target.setAttribute("tabindex", "-1");
                    target.focus();
                }
                const left = document.getElementById("stippen-over");
                if (left) say(left.textContent);
            } else if (response.status === 400 && (response.headers.get("Content-Type") || "").startsWith("text/plain")) {
                const message = await response.text();
                const left = document.getElementById("stippen-over");
                if (left) left.textContent = message;
                say(message);
            } else {
                form.submit();
            }
        } catch {
            say(t("sendFailed"));
        } finally {
            delete form.dataset.busy;
        }
    });

    listen({
        participants: refreshCount,
        notes: (data) => {
            if (data.step !== viewed || (data.note && noteArrived(data.note))) return;
            if (data.later) refreshLater(); else if (root.dataset.fragment) refreshNotes(); else refreshRegions();
        },
        scores: (data) => { if (data.step === viewed) { if (data.later) refreshLater(); else refreshNotes(); } },
        dots: (data) => { if (!root.dataset.fragment) { if (data.later) refreshLater(); else refreshRegions(); } },
        state: (data) => { if (data.step === viewed) refreshNotes(); },
        step: onStep,
        status: () => { if (!isTyping()) window.location.reload(); },
        // The server could not replay what we missed (it restarted): start afresh unless the user is typing.
        reset: () => { if (isTyping()) refreshNotes(); else window.location.reload(); },
        // After every (re)connect: catch up on whatever happened while the connection was down.
        hello: refreshNotes,
    });
    startTimers();

    function listen(handlers) {
        // EventSource reconnects by itself after a dropped connection and sends Last-Event-ID; the server replays
        // what was missed. A refusal (429: this person or network has many pages open; 503: the server is full;
        // or any answer that is not a stream) closes it for good. Then we try again ourselves, later each time
        // (about 30 s, 1, 2, 4 minutes, at most 10, spread so a room does not return at once), and say where we
        // were. Meanwhile the page works as it does without JavaScript updates.
        let source = null;
        let lastEventId = "";
        let failures = 0;
        let again = 0;
        // The first hello after the page loaded needs no catching up: the stream's address carries the event the page
        // was rendered after, so whatever happened since is replayed. (A hall of pages loading at once would otherwise
        // each fetch their notes again for nothing.) Every later hello follows a reconnect.
        let loaded = true;
        const open = () => {
            // The page's address already says which event it was rendered after; later, the last one we saw.
            const url = new URL(root.dataset.live, window.location.href);
            if (lastEventId) url.searchParams.set("lastEventId", lastEventId);
            const current = new EventSource(url.href);
            source = current;
            for (const [type, handler] of Object.entries(handlers)) {
                current.addEventListener(type, (event) => {
                    if (type === "hello" && loaded) {
                        loaded = false;
                        return;
                    }
                    if (event.lastEventId) lastEventId = event.lastEventId;
                    let data = {};
                    try { data = JSON.parse(event.data || "{}"); } catch { /* keep empty */ }
                    handler(data);
                });
            }
            current.addEventListener("hello", () => { failures = 0; });
            current.addEventListener("error", () => {
                loaded = false;
                if (current.readyState !== EventSource.CLOSED || current !== source) return;
                const seconds = Math.min(600, 30 * 2 ** failures) * (0.75 + Math.random() / 2);
                failures++;
                again = window.setTimeout(open, seconds * 1000);
            });
        };
        open();
        window.addEventListener("pagehide", () => {
            window.clearTimeout(again);
            source.close();
        });
    }

    function newId() {
        if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
        const bytes = crypto.getRandomValues(new Uint8Array(16));
        bytes[6] = (bytes[6] & 0x0f) | 0x40;
        bytes[8] = (bytes[8] & 0x3f) | 0x80;
        const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
        return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
    }

    function startTimers() {
        document.querySelectorAll("[data-ends-at]").forEach((element) => {
            const end = Date.parse(element.dataset.endsAt);
            if (Number.isNaN(end) || element.dataset.ticking) return;
            element.dataset.ticking = "1";
            const tick = () => {
                const left = Math.max(0, Math.round((end - Date.now()) / 1000));
                element.textContent = left > 0
                    ? t("timeLeft", `${Math.floor(left / 60)}:${String(left % 60).padStart(2, "0")}`)
                    : t("timeUp");
                if (left > 0) window.setTimeout(tick, 1000);
            };
            tick();
        });
    }
})();
