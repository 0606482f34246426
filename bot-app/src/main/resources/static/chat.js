"use strict";
(() => {
  const lang = (navigator.language || "en").toLowerCase().startsWith("id") ? "id" : "en";
  const labels = {
    en: { offline: "Could not reach LearnLoop. Is it running?", sources: "Sources", unsaved: "Not saved: the message history is unavailable." },
    id: { offline: "Tidak dapat menghubungi LearnLoop. Apakah sedang berjalan?", sources: "Sumber", unsaved: "Tidak tersimpan: riwayat pesan sedang tidak tersedia." },
  }[lang];
  document.documentElement.lang = lang;
  document.querySelectorAll("[data-en]").forEach((el) => { el.textContent = el.dataset[lang]; });
  const text = document.getElementById("text");
  text.placeholder = text.dataset[lang + "Placeholder"];

  const user = localStorage.getItem("learnloop.user") || crypto.randomUUID();
  localStorage.setItem("learnloop.user", user);
  const log = document.getElementById("log");
  const status = document.getElementById("status");
  const send = document.getElementById("send");

  function show(speaker, message, at, citations, quiz) {
    const turn = document.createElement("div");
    turn.className = "turn " + speaker;
    turn.textContent = message;
    if (citations && citations.length) {
      const list = document.createElement("ol");
      list.setAttribute("aria-label", labels.sources);
      citations.forEach((c) => {
        const item = document.createElement("li");
        const link = document.createElement(c.url ? "a" : "span");
        if (c.url) { link.href = c.url; link.target = "_blank"; link.rel = "noopener"; }
        link.textContent = c.title + (c.section ? " › " + c.section : "");
        item.appendChild(link);
        list.appendChild(item);
      });
      turn.appendChild(list);
    }
    if (quiz) {
      // One button per choice; they post the card's id so a double click is counted once.
      const choices = document.createElement("div");
      choices.className = "choices";
      quiz.choices.forEach((choice, i) => {
        const button = document.createElement("button");
        button.type = "button";
        button.textContent = (i + 1) + ". " + choice;
        button.addEventListener("click", () => {
          choices.querySelectorAll("button").forEach((b) => { b.disabled = true; });
          post(String(i + 1), quiz.quizId);
        });
        choices.appendChild(button);
      });
      turn.appendChild(choices);
    }
    const time = document.createElement("time");
    time.dateTime = at;
    time.textContent = new Date(at).toLocaleTimeString(lang);
    turn.appendChild(time);
    log.appendChild(turn);
    log.scrollTop = log.scrollHeight;
  }

  async function loadHistory() {
    const response = await fetch("api/chat/history?user=" + encodeURIComponent(user));
    if (!response.ok) { status.textContent = (await response.json()).error; return; }
    (await response.json()).turns.forEach((t) => show(t.speaker, t.text, t.at));
  }

  async function post(message, quizId) {
    send.disabled = true;
    status.textContent = "";
    show("learner", message, new Date().toISOString());
    try {
      const response = await fetch("api/chat", {
        method: "POST",
        headers: { "Content-Type": "application/json", "Accept-Language": lang },
        body: JSON.stringify(quizId ? { user, text: message, quizId } : { user, text: message }),
      });
      const body = await response.json();
      if (!response.ok) { status.textContent = body.error; return; }
      show("bot", body.reply.text, new Date().toISOString(), body.reply.citations, body.reply.quiz);
      if (!body.historySaved) status.textContent = labels.unsaved;
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
    post(message);
  });
  text.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey) {
      event.preventDefault();
      document.getElementById("composer").requestSubmit();
    }
  });
  loadHistory().catch(() => { status.textContent = labels.offline; });
})();
