/* global window */
// A stand-in for office.js, served by the end-to-end tests in place of
// https://appsforoffice.microsoft.com/lib/1/hosted/office.js (no network). Configure it before the page loads with
// window.__officeStub = { host: "Excel" | null, displayLanguage: "da-DK" }. With host null it behaves as office.js in a
// plain browser tab (Office.onReady reports no host). With host "Excel", Excel.run gets a recording context: every
// sheet, range write (formulas, formats, RangeAreas styles, data validation, conditional formats), defined name,
// chart, calculation call and context.sync is recorded in window.__excelRecord (plain JSON). Loaded values are 0 (the
// add-in's functions are registered under the names written).
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
  };
  window.__excelRecord = record;

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

  function sheet(name) {
    if (record.sheets[name] === undefined) {
      record.sheets[name] = { ranges: [], areas: [] };
      record.sheetOrder.push(name);
    }
    return {
      name: name,
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
          items: record.existingSheets.map(function (name) {
            return { name: name };
          }),
          load: function () {},
          add: function (name) {
            return sheet(name);
          },
          getItem: function (name) {
            if (record.sheets[name] === undefined) throw new Error("ItemNotFound: sheet " + name);
            return sheet(name);
          },
          getItemOrNullObject: function () {
            return { isNullObject: true, load: function () {}, delete: function () {} };
          },
        },
        names: {
          items: [],
          load: function () {},
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
