/* global window */
// A stand-in for office.js, served by the end-to-end tests in place of
// https://appsforoffice.microsoft.com/lib/1/hosted/office.js (no network). Configure it before the page loads with
// window.__officeStub = { host: "Excel" | null, displayLanguage: "da-DK" }. With host null it behaves as office.js in a
// plain browser tab (Office.onReady reports no host). With host "Excel", Excel.run gets a recording context: every
// sheet, range write (formulas, formats, RangeAreas styles, data validation, conditional formats), defined name,
// chart, calculation call and context.sync is recorded in window.__excelRecord (plain JSON). Loaded values are 0 (the
// add-in's functions are registered under the names written). Sheets and defined names written by one Excel.run exist
// in the next, and a defined name's range reads back the constants written into its cells (a formula reads as 0), so
// a model can be written, read back ("Open model") and written again ("Update model"). window.__excelEdit(name,
// value) types a value into the first cell of a defined name, as a user would in the sheet.
(function () {
  "use strict";
  var config = window.__officeStub || { host: null, displayLanguage: "en-US" };
  var record = {
    syncs: 0,
    runs: [],
    existingSheets: ["Sheet1"],
    sheets: {},
    sheetOrder: [],
    names: [],
    charts: [],
    suspended: 0,
    calculated: [],
    activated: null,
    startupBehavior: null,
    edits: {},
    // Worksheet ids (as Excel gives them) to the sheet's current name: the writer adds sheets under temporary names
    // and renames them by id.
    sheetIds: {},
    // Office.context.document.settings: values by name, and how often they were saved.
    settings: {},
    settingsSaves: 0,
  };
  window.__excelRecord = record;

  function columnNumber(letters) {
    var number = 0;
    for (var i = 0; i < letters.length; i++) number = number * 26 + letters.charCodeAt(i) - 64;
    return number;
  }

  // "B4" or "$B$4:$C$9" -> { top, left, bottom, right } (1-based); null for whole columns ("A:C").
  function bounds(address) {
    var parts = address.replace(/\$/g, "").split(":");
    var first = /^([A-Z]+)(\d+)$/.exec(parts[0]);
    var last = /^([A-Z]+)(\d+)$/.exec(parts[1] || parts[0]);
    if (first === null || last === null) return null;
    return {
      top: Number(first[2]),
      left: columnNumber(first[1]),
      bottom: Number(last[2]),
      right: columnNumber(last[1]),
    };
  }

  // What a cell holds as a value: an edit, else the last constant written into it (formulas read as 0, blanks as "").
  function cellValue(sheetName, row, column) {
    var edited = record.edits[sheetName + "!" + row + ":" + column];
    if (edited !== undefined) return edited;
    var ranges = (record.sheets[sheetName] || { ranges: [] }).ranges;
    for (var i = ranges.length - 1; i >= 0; i--) {
      var formulas = ranges[i].formulas;
      var area = formulas === undefined ? null : bounds(ranges[i].address);
      if (area === null || row < area.top || row > area.bottom) continue;
      if (column < area.left || column > area.right) continue;
      var content = formulas[row - area.top][column - area.left];
      if (typeof content === "number") return content;
      if (content === "") return ""; // an empty cell, as Excel's Range.values gives it
      if (typeof content !== "string" || content.charAt(0) === "=") return 0;
      return content.charAt(0) === "'" ? content.slice(1) : content;
    }
    return 0;
  }

  function namedRange(name) {
    var found = record.names.filter(function (entry) {
      return entry.name === name;
    })[0];
    if (found === undefined) throw new Error("ItemNotFound: name " + name);
    var area = bounds(found.reference);
    var values = [];
    for (var row = area.top; row <= area.bottom; row++) {
      var line = [];
      for (var column = area.left; column <= area.right; column++) line.push(cellValue(found.sheet, row, column));
      values.push(line);
    }
    var sheetName = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(found.sheet) ? found.sheet : "'" + found.sheet + "'";
    return {
      values: values,
      address: sheetName + "!" + found.reference.replace(/\$/g, ""),
      isNullObject: false,
      load: function () {},
      __sheet: found.sheet,
      __area: area,
    };
  }

  window.__excelEdit = function (name, value) {
    var range = namedRange(name);
    record.edits[range.__sheet + "!" + range.__area.top + ":" + range.__area.left] = value;
  };

  function range(sheetName, address) {
    var entry = { address: address, format: { font: {}, fill: {}, protection: {} } };
    record.sheets[sheetName].ranges.push(entry);
    return {
      valuesAsJson: [[{ type: "Double", basicValue: 0 }]],
      dataValidation: (entry.dataValidation = {}),
      conditionalFormats: {
        add: function (type) {
          var conditional = { type: type, cellValue: { format: { fill: {}, font: {} }, rule: null } };
          (entry.conditionalFormats = entry.conditionalFormats || []).push(conditional);
          return conditional;
        },
      },
      __sheet: sheetName,
      __address: address,
      set formulas(value) {
        entry.formulas = value;
      },
      get formulas() {
        return entry.formulas;
      },
      set numberFormat(value) {
        entry.numberFormat = value;
      },
      get numberFormat() {
        return entry.numberFormat;
      },
      set values(value) {
        entry.values = value;
      },
      get values() {
        return entry.values === undefined ? [[0]] : entry.values;
      },
      format: entry.format,
      load: function () {},
    };
  }

  function renameSheet(from, to) {
    var entry = record.sheets[from];
    record.sheets[to] = entry;
    delete record.sheets[from];
    record.sheetOrder[record.sheetOrder.indexOf(from)] = to;
    record.sheetIds[entry.id] = to;
  }

  function sheet(name) {
    if (record.sheets[name] === undefined) {
      var id = "{STUB-SHEET-" + (Object.keys(record.sheetIds).length + 1) + "}";
      record.sheets[name] = { ranges: [], areas: [], id: id };
      record.sheetIds[id] = name;
      record.sheetOrder.push(name);
    }
    return {
      get name() {
        return name;
      },
      set name(value) {
        renameSheet(name, value);
        name = value;
      },
      id: record.sheets[name].id,
      load: function () {},
      getRange: function (address) {
        return range(name, address);
      },
      getRanges: function (address) {
        var entry = { address: address, format: { font: {}, fill: {}, protection: {} } };
        record.sheets[name].areas.push(entry);
        return { format: entry.format };
      },
      activate: function () {
        record.activated = name;
      },
      charts: {
        add: function (type, dataRange, seriesBy) {
          var chart = {
            sheet: name,
            type: type,
            data: dataRange.__sheet + "!" + dataRange.__address,
            seriesBy: seriesBy,
            title: {},
            categories: null,
            position: null,
          };
          record.charts.push(chart);
          return {
            title: chart.title,
            axes: {
              categoryAxis: {
                setCategoryNames: function (categories) {
                  chart.categories = categories.__sheet + "!" + categories.__address;
                },
              },
            },
            setPosition: function (anchor) {
              chart.position = anchor;
            },
          };
        },
      },
    };
  }

  function context() {
    var application = {
      suspendApiCalculationUntilNextSync: function () {
        record.suspended++;
      },
      calculate: function (type) {
        record.calculated.push(type);
      },
    };
    return {
      workbook: {
        application: application,
        worksheets: {
          items: record.existingSheets.concat(record.sheetOrder).map(function (name) {
            return { name: name };
          }),
          load: function () {},
          add: function (name) {
            return sheet(name);
          },
          getItem: function (key) {
            var name = record.sheetIds[key] !== undefined ? record.sheetIds[key] : key;
            if (record.sheets[name] === undefined) throw new Error("ItemNotFound: sheet " + name);
            return sheet(name);
          },
          getItemOrNullObject: function () {
            return { isNullObject: true, load: function () {}, delete: function () {} };
          },
        },
        names: {
          items: record.names.map(function (entry) {
            return { name: entry.name };
          }),
          load: function () {},
          getItem: function (name) {
            return {
              getRange: function () {
                return namedRange(name);
              },
              getRangeOrNullObject: function () {
                return namedRange(name);
              },
            };
          },
          add: function (name, reference, comment) {
            record.names.push({
              name: name,
              sheet: reference.__sheet,
              reference: reference.__address,
              comment: comment,
            });
          },
          getItemOrNullObject: function () {
            return { isNullObject: true, load: function () {}, delete: function () {} };
          },
        },
      },
      application: application,
      sync: function () {
        record.syncs++;
        return Promise.resolve();
      },
    };
  }

  window.Office = {
    HostType: { Excel: "Excel" },
    StartupBehavior: { load: "Load", none: "None" },
    onReady: function (callback) {
      var info = { host: config.host, platform: config.host === null ? null : "OfficeOnline" };
      return Promise.resolve().then(function () {
        if (typeof callback === "function") callback(info);
        return info;
      });
    },
    context: {
      displayLanguage: config.displayLanguage,
      requirements: {
        isSetSupported: function () {
          return true;
        },
      },
      // The document's add-in settings (saved with the workbook): kept in window.__excelRecord.settings.
      document: {
        settings: {
          get: function (name) {
            return Object.prototype.hasOwnProperty.call(record.settings, name) ? record.settings[name] : null;
          },
          set: function (name, value) {
            record.settings[name] = value;
          },
          saveAsync: function (callback) {
            record.settingsSaves++;
            if (typeof callback === "function") callback({ status: "succeeded", error: null });
          },
        },
      },
    },
    addin: {
      setStartupBehavior: function (behavior) {
        record.startupBehavior = behavior;
        return Promise.resolve();
      },
    },
  };
  if (config.host === "Excel") {
    window.Excel = {
      run: function (optionsOrBatch, maybeBatch) {
        var batch = typeof optionsOrBatch === "function" ? optionsOrBatch : maybeBatch;
        record.runs.push(typeof optionsOrBatch === "function" ? {} : optionsOrBatch);
        return batch(context());
      },
    };
  }
})();
