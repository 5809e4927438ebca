// @mentions in a comment's text: typing « @ » and a few letters lists the colleagues who may
// view the page (the form's data-mention-url answers only with them), following the ARIA
// combobox pattern (https://www.w3.org/WAI/ARIA/apg/patterns/combobox/) on the text area:
// aria-autocomplete, aria-controls and aria-activedescendant point at a listbox; Down and Up
// move through it, Enter or Tab choose, Escape closes; a status region says how many people
// were found. (A textarea may not take the combobox role itself, ARIA in HTML.)
// Progressive enhancement: without this file, typing @username works just the same.
(() => {
    "use strict";

    const DEBOUNCE_MS = 200;
    const TRIGGER = /(?:^|[^\w@.])@([\w.+-]{1,30})$/;
    let counter = 0;

    function messages() {
        const holder = document.getElementById("mentions-messages");
        const data = holder ? holder.dataset : {};
        return {
            none: data.none || "",
            one: data.one || "",
            many: data.many || "",
            label: data.label || "Mentions",
        };
    }

    function setUp(form) {
        const textarea = form.querySelector("textarea[name=text]");
        const url = form.dataset.mentionUrl;
        if (!textarea || !url || !window.fetch || textarea.dataset.mentions) {
            return;
        }
        textarea.dataset.mentions = "on";
        counter += 1;
        const text = messages();
        const listbox = document.createElement("ul");
        listbox.id = `mentions-${counter}`;
        listbox.className = "mentions__listbox";
        listbox.setAttribute("role", "listbox");
        listbox.setAttribute("aria-label", text.label);
        listbox.hidden = true;
        const status = document.createElement("div");
        status.className = "visually-hidden";
        status.setAttribute("role", "status");
        textarea.insertAdjacentElement("afterend", listbox);
        listbox.insertAdjacentElement("afterend", status);
        textarea.setAttribute("aria-autocomplete", "list");
        textarea.setAttribute("aria-controls", listbox.id);

        let people = [];
        let active = -1;
        let timer = null;
        let controller = null;
        let term = null;

        function options() {
            return Array.from(listbox.querySelectorAll("[role=option]"));
        }

        function announce(count) {
            let message = text.none;
            if (count === 1) {
                message = text.one;
            } else if (count > 1) {
                message = text.many.replace("{count}", String(count));
            }
            status.textContent = "";
            window.setTimeout(() => { status.textContent = message; }, 50);
        }

        function close() {
            listbox.hidden = true;
            listbox.replaceChildren();
            people = [];
            setActive(-1);
        }

        function setActive(index) {
            const items = options();
            items.forEach((item, i) => item.setAttribute("aria-selected", String(i === index)));
            active = index;
            if (index >= 0 && items[index]) {
                textarea.setAttribute("aria-activedescendant", items[index].id);
                items[index].scrollIntoView({ block: "nearest" });
            } else {
                textarea.removeAttribute("aria-activedescendant");
            }
        }

        function render(list) {
            people = list;
            listbox.replaceChildren(
                ...list.map((person, index) => {
                    const item = document.createElement("li");
                    item.id = `${listbox.id}-${index}`;
                    item.setAttribute("role", "option");
                    item.setAttribute("aria-selected", "false");
                    item.className = "mentions__option";
                    item.textContent = person.structure
                        ? `${person.name} (${person.structure})`
                        : person.name;
                    // mousedown, not click: the text area keeps the focus and the caret.
                    item.addEventListener("mousedown", (event) => {
                        event.preventDefault();
                        choose(index);
                    });
                    return item;
                }),
            );
            listbox.hidden = list.length === 0;
            setActive(list.length ? 0 : -1);
            announce(list.length);
        }

        function currentTerm() {
            const before = textarea.value.slice(0, textarea.selectionStart);
            const match = TRIGGER.exec(before);
            return match ? match[1] : null;
        }

        function choose(index) {
            const person = people[index];
            if (!person || term === null) {
                return;
            }
            const caret = textarea.selectionStart;
            const start = caret - term.length - 1;
            const inserted = `@${person.username} `;
            textarea.value = textarea.value.slice(0, start) + inserted + textarea.value.slice(caret);
            const position = start + inserted.length;
            textarea.setSelectionRange(position, position);
            term = null;
            close();
        }

        async function lookUp(value) {
            if (controller) {
                controller.abort();
            }
            controller = new AbortController();
            try {
                const response = await fetch(`${url}?q=${encodeURIComponent(value)}`, {
                    headers: { Accept: "application/json" },
                    signal: controller.signal,
                    credentials: "same-origin",
                });
                if (!response.ok) {
                    close();
                    return;
                }
                const data = await response.json();
                if (term === value) {
                    render(data.results || []);
                }
            } catch (error) {
                if (error.name !== "AbortError") {
                    close();
                }
            }
        }

        textarea.addEventListener("input", () => {
            term = currentTerm();
            window.clearTimeout(timer);
            if (term === null) {
                close();
                return;
            }
            const value = term;
            timer = window.setTimeout(() => lookUp(value), DEBOUNCE_MS);
        });

        textarea.addEventListener("keydown", (event) => {
            if (listbox.hidden) {
                return;
            }
            const count = options().length;
            if (event.key === "ArrowDown") {
                event.preventDefault();
                setActive((active + 1) % count);
            } else if (event.key === "ArrowUp") {
                event.preventDefault();
                setActive((active - 1 + count) % count);
            } else if ((event.key === "Enter" || event.key === "Tab") && active >= 0) {
                event.preventDefault();
                choose(active);
            } else if (event.key === "Escape") {
                event.preventDefault();
                close();
            }
        });

        textarea.addEventListener("blur", () => window.setTimeout(close, 150));
    }

    function setUpAll() {
        document.querySelectorAll("form[data-mention-url]").forEach(setUp);
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", setUpAll);
    } else {
        setUpAll();
    }

    // A form is sent once: a second click while the first is on its way does nothing (the
    // server also ignores the same text posted twice).
    document.addEventListener("submit", (event) => {
        const form = event.target;
        if (!form.matches || !form.matches("form[data-mention-url]")) {
            return;
        }
        if (form.dataset.submitted) {
            event.preventDefault();
            return;
        }
        form.dataset.submitted = "true";
    });
})();
