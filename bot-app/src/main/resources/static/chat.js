"use strict";
(() => {
  const lang = (navigator.language || "en").toLowerCase().startsWith("id") ? "id" : "en";
  const labels = {
    en: { offline: "Could not reach LearnLoop. Is it running?", sources: "Sources", unsaved: "Not saved: the message history is unavailable.", readMore: "Read more" },
    id: { offline: "Tidak dapat menghubungi LearnLoop. Apakah sedang berjalan?", sources: "Sumber", unsaved: "Tidak tersimpan: riwayat pesan sedang tidak tersedia.", readMore: "Baca selengkapnya" },
  }[lang];
  document.documentElement.lang = lang;
  document.querySelectorAll("[data-en]").forEach((el) => { el.textContent = el.dataset[lang]; });
  const text = document.getElementById("text");
  text.placeholder = text.dataset[lang + "Placeholder"];

  const log = document.getElementById("log");
  const status = document.getElementById("status");
  const send = document.getElementById("send");

  function el(tag, className, content) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (content !== undefined) node.textContent = content;
    return node;
  }

  // Text with its web addresses and /docs/ paths as links; never HTML from the server.
  function linked(content) {
    const span = el("span");
    const pattern = /(https?:\/\/[^\s)]+|\/docs\/[^\s)]+)/g;
    let last = 0;
    for (const match of content.matchAll(pattern)) {
      span.appendChild(document.createTextNode(content.slice(last, match.index)));
      const a = el("a", null, match[0]);
      a.href = match[0]; a.target = "_blank"; a.rel = "noopener";
      span.appendChild(a);
      last = match.index + match[0].length;
    }
    span.appendChild(document.createTextNode(content.slice(last)));
    return span;
  }

  // Only web addresses and paths of this site become links: never javascript: or data: URLs.
  const SAFE_URL = /^(https?:\/\/|\/(?!\/))/i;

  function sourceLink(source) {
    const safe = source.url && SAFE_URL.test(source.url);
    const link = el(safe ? "a" : "span", null, source.label);
    if (safe) { link.href = source.url; link.target = "_blank"; link.rel = "noopener"; }
    return link;
  }

  function buttons(message, className) {
    const row = el("div", className || "actions");
    (message.actions || []).forEach((action) => {
      const button = el("button", action.style === "primary" ? "primary" : "", action.label);
      button.type = "button";
      button.addEventListener("click", () => {
        row.querySelectorAll("button").forEach((b) => { b.disabled = true; });
        button.classList.add("picked");
        post({ action: { id: action.id, value: action.value, message: message.id } }, null);
      });
      row.appendChild(button);
    });
    return row;
  }

  function skillRow(s) {
    const row = el("div", "skill");
    row.appendChild(el("span", null, s.name));
    const bar = el("div", "bar");
    const fill = el("span"); fill.style.width = Math.round(100 * s.mastery) + "%";
    const target = el("i"); target.style.left = Math.round(100 * s.target) + "%";
    bar.appendChild(fill); bar.appendChild(target);
    row.appendChild(bar);
    row.appendChild(el("span", null, Math.round(100 * s.mastery) + "%"));
    return row;
  }

  function render(message, at) {
    const turn = el("div", "turn bot " + message.kind + (message.kind === "notice" ? "" : ""));
    turn.dataset.id = message.id;
    if (message.kind === "quiz") {
      turn.appendChild(el("div", "reason", message.quiz.reason));
      turn.appendChild(el("div", "stem", message.quiz.stem));
      turn.appendChild(buttons(message, "choices"));
      (message.citations || []).forEach((c) => {
        const further = el("div", "note", "🎓 ");
        further.appendChild(sourceLink(c));
        turn.appendChild(further);
      });
    } else if (message.kind === "feedback") {
      const f = message.feedback;
      turn.appendChild(el("div", "stem", f.stem));
      const options = el("ul", "options");
      f.choices.forEach((choice, i) => {
        const item = el("li", (i === f.chosen ? "chosen " : "") + (i === f.correct ? "correct" : ""), choice);
        options.appendChild(item);
      });
      turn.appendChild(options);
      turn.appendChild(el("div", "headline " + (f.right ? "right" : "wrong"), f.headline));
      turn.appendChild(el("div", null, f.explanation));
      if (f.note) turn.appendChild(el("div", "note", f.note));
      const more = el("div", "note", labels.readMore + ": ");
      more.appendChild(sourceLink(f.readMore));
      turn.appendChild(more);
      turn.appendChild(buttons(message));
    } else if (message.kind === "file") {
      turn.appendChild(el("div", null, message.text));
      const link = el("a", "file", message.file.name);
      link.download = message.file.name;
      link.href = URL.createObjectURL(new Blob([message.file.content], { type: "application/json" }));
      turn.appendChild(link);
    } else if (message.kind === "progress") {
      const p = message.progress;
      turn.appendChild(el("div", "stem", p.title));
      p.skills.forEach((s) => turn.appendChild(skillRow(s)));
      turn.appendChild(el("div", "note", message.text));
    } else if (message.kind === "nudge") {
      const n = message.nudge;
      turn.appendChild(el("div", "stem", n.title));
      turn.appendChild(el("div", null, n.summary));
      n.skills.forEach((s) => {
        const row = skillRow(s);
        row.title = s.label;
        turn.appendChild(row);
      });
      n.sections.forEach((section) => {
        turn.appendChild(el("div", "heading", section.heading));
        const list = el("ul");
        section.lines.forEach((line) => list.appendChild(el("li", null, line)));
        turn.appendChild(list);
      });
    } else {
      if (message.kind === "notice") turn.classList.add("notice-" + (message.noticeKind || ""));
      turn.appendChild(linked(message.text));
      if (message.citations && message.citations.length) {
        const list = el("ol");
        list.setAttribute("aria-label", labels.sources);
        message.citations.forEach((c) => {
          const item = el("li");
          item.value = c.number;
          item.appendChild(sourceLink(c));
          list.appendChild(item);
        });
        turn.appendChild(list);
      }
      if (message.actions && message.actions.length) turn.appendChild(buttons(message));
    }
    const time = el("time", null, new Date(at || Date.now()).toLocaleTimeString(lang));
    time.dateTime = at || new Date().toISOString();
    turn.appendChild(time);
    return turn;
  }

  function show(message, at, replaces) {
    const turn = render(message, at);
    const earlier = replaces && log.querySelector('[data-id="' + CSS.escape(message.id) + '"]');
    if (earlier) earlier.replaceWith(turn); else log.appendChild(turn);
    log.scrollTop = log.scrollHeight;
  }

  function showLearner(message, at) {
    const turn = el("div", "turn learner", message);
    const time = el("time", null, new Date(at).toLocaleTimeString(lang));
    time.dateTime = at;
    turn.appendChild(time);
    log.appendChild(turn);
    log.scrollTop = log.scrollHeight;
  }

  async function loadHistory() {
    const response = await fetch("api/chat/history", { headers: { "Accept-Language": lang } });
    const body = await response.json();
    if (!response.ok) { status.textContent = body.error; return; }
    body.turns.forEach((t) => {
      if (t.speaker === "learner") showLearner(t.text, t.at); else show(t.message, t.at, false);
    });
    if (body.welcome) show(body.welcome, new Date().toISOString(), false);
  }

  async function post(body, typed) {
    send.disabled = true;
    status.textContent = "";
    if (typed) showLearner(typed, new Date().toISOString());
    body.deliveryId = crypto.randomUUID();
    try {
      const response = await fetch("api/chat", {
        method: "POST",
        headers: { "Content-Type": "application/json", "Accept-Language": lang },
        body: JSON.stringify(body),
      });
      const reply = await response.json();
      if (!response.ok) { status.textContent = reply.error; return; }
      reply.messages.forEach((m) => show(m.message, new Date().toISOString(), m.replaces));
      if (!reply.historySaved) status.textContent = labels.unsaved;
    } catch (e) {
      status.textContent = labels.offline;
    } finally {
      send.disabled = false;
      text.focus();
    }
  }

  document.getElementById("composer").addEventListener("submit", (event) => {
    event.preventDefault();
    const message = text.value.trim();
    if (!message) return;
    text.value = "";
    post({ text: message }, message);
  });
  text.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey) {
      event.preventDefault();
      document.getElementById("composer").requestSubmit();
    }
  });
  loadHistory().catch(() => { status.textContent = labels.offline; });
})();
